import PapersCore
import Presentation

/// "← Previous page · Page 2 · Next page →" under a listing that pages; past its end, a way back.
enum PageLinks {
    /// `path` may carry a query already (`?has=code`); `hasMore`: whether a page follows this one (the listing
    /// fetched one paper more than it shows). A ranked listing names its directions "Higher ranked" and "More papers".
    static func render(path: String, page: Int, hasMore: Bool, previous: String = "← Previous page", next: String = "Next page →") -> HTML {
        guard page > 0 || hasMore else { return "" }
        let back: HTML = page > 0 ? "<a rel=\"prev\" href=\"\(link(path, page - 1))\">\(previous)</a>" : "<span></span>"
        let on: HTML = hasMore ? "<a rel=\"next\" href=\"\(link(path, page + 1))\">\(next)</a>" : "<span></span>"
        return "<nav class=\"pager\" aria-label=\"Pages\">\(back)<span>Page \(page + 1)</span>\(on)</nav>"
    }

    /// The message of a page number past the last page.
    static func pastTheEnd(path: String, page: Int) -> HTML {
        "<p class=\"empty\">Page \(page + 1) is past the last one. <a href=\"\(path)\">Back to the first page</a></p>"
    }

    /// What an empty page of a listing says: that it is past the end, or on the first page, `empty`.
    static func empty(path: String, page: Int, empty: HTML) -> HTML {
        page > 0 ? pastTheEnd(path: path, page: page) : empty
    }

    /// Page `page` of the listing at `path` (the first page is the path itself).
    private static func link(_ path: String, _ page: Int) -> String {
        page == 0 ? path : path + (path.contains("?") ? "&" : "?") + "p=\(page)"
    }
}
