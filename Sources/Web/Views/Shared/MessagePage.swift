import Presentation

/// A page that only says what happened: a title, a sentence, and where to go next.
enum MessagePage {
    static func render(_ title: String, _ text: String, link: (label: String, path: String)? = nil, viewer: Viewer?) -> HTML {
        Layout.page(
            title: title, alternates: [], viewer: viewer,
            content: """
                <h1>\(title)</h1>
                <p class="sub">\(text)</p>
                \(link.map { "<p><a href=\"\($0.path)\">\($0.label)</a></p>" as HTML })
                """)
    }
}
