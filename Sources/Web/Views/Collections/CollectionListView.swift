import PapersCore
import Presentation

/// A list of collections (on a member's or an organization's page): title, size, upvotes, privacy.
enum CollectionListView {
    static func render(_ collections: [PaperCollection]) -> HTML {
        guard !collections.isEmpty else { return "" }
        let items = collections.map { collection in
            let privacy: HTML = collection.isPrivate ? " · <span class=\"badge\">Private</span>" : ""
            return """
                <li><a href="\(Route.collection(slug: collection.slug).path)">\(collection.title)</a> \
                <span class="meta">\(collection.itemCount) \(collection.itemCount == 1 ? "paper" : "papers") · ▲ \(collection.upvotes)\(privacy)</span></li>
                """ as HTML
        }
        return "<section class=\"collections\"><h2>Collections (\(collections.count))</h2><ul>\(HTML(joining: items))</ul></section>"
    }
}
