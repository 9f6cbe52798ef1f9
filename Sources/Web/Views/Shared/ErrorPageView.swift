import PapersCore
import Presentation

/// The styled page for 4xx and 5xx answers.
enum ErrorPageView {
    static func render(status: Int, title: String, message: String) -> HTML {
        let content: HTML = """
            <h1>\(status) · \(title)</h1>
            <p class="sub">\(message)</p>
            <p><a href="\(Route.home.path)">Back to today's papers</a> · <a href="\(Route.trending.path)">Trending</a></p>
            """
        return Layout.page(title: title, viewer: nil, content: content)
    }
}
