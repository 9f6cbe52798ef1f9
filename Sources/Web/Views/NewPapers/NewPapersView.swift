import PapersCore
import Presentation

/// `/papers/new`, arXiv's latest announcement in the harvested categories, and the category pages.
enum NewPapersView {
    static func render(
        _ page: PaperCatalog.ListingPage?, filter: ListingFilter, categories: [String], notice: QuietDay?, currentYear: Int, viewer: Viewer?
    ) -> HTML {
        let quiet = notice.map { QuietDayView.render($0) } ?? ""
        guard let page else {
            let content: HTML = """
                <h1>New on arXiv</h1>
                \(quiet)
                <p class="empty">No announcement has been harvested yet. Run <code>dailypapers harvest arxiv</code>, or start the server with <code>HARVEST=on</code>.</p>
                """
            return Layout.page(title: "New on arXiv", viewer: viewer, content: content)
        }
        let day = page.query.day
        let content: HTML = """
            <h1>New on arXiv · \(CardFormatting.weekdayDate(day)), \(String(day.year))</h1>
            \(quiet)
            <p class="sub">\(summary(page, filter: filter)), most upvoted first</p>
            \(filters(filter, categories: categories))
            \(pager(page, filter: filter))
            \(page.papers.isEmpty
                ? PageLinks.empty(path: Route.newPapers.path + filter.query(day: .some(day)), page: filter.page, empty: "<p class=\"empty\">No paper of this kind in this announcement.</p>")
                : "\(list(page.papers, currentYear: currentYear, viewer: viewer))\(more(page, filter: filter))")
            \(pager(page, filter: filter))
            """
        let feeds = Layout.Alternate.both("New on arXiv", query: String(filter.query(day: .some(nil)).dropFirst())) { .newPapersFeed($0) }
        return Layout.page(title: "New on arXiv", alternates: feeds, viewer: viewer, content: content)
    }

    static func category(
        _ name: String, papers: [Paper], total: Int, page: Int, pageSize: Int, currentYear: Int, viewer: Viewer?, follow: HTML = ""
    ) -> HTML {
        let path = Route.category(name).path
        let links = PageLinks.render(path: path, page: page, hasMore: (page + 1) * pageSize < total, previous: "← Newer", next: "Older →")
        let content: HTML = """
            <h1>\(name)</h1>
            <p class="sub">\(total) paper\(total == 1 ? "" : "s") in arXiv's \(name), newest first</p>
            <p class="follow-line">\(follow)</p>
            \(papers.isEmpty
                ? PageLinks.empty(path: path, page: page, empty: "<p class=\"empty\">No paper in \(name) yet.</p>")
                : "\(list(papers, currentYear: currentYear, viewer: viewer))\(links)")
            """
        return Layout.page(title: name, alternates: Layout.Alternate.both(name) { .categoryFeed(name, $0) }, viewer: viewer, content: content)
    }

    /// Cards with a "Submit to daily" link on papers not featured yet.
    private static func list(_ papers: [Paper], currentYear: Int, viewer: Viewer?) -> HTML {
        let cards = papers.map { paper -> HTML in
            let kind: HTML =
                paper.announcement.map { " · <span class=\"announce\">\($0.kind == .cross ? "cross-list" : $0.kind.rawValue)</span>" } ?? ""
            let submit: HTML =
                paper.featuredOn == nil
                ? " · <a href=\"\(Route.submitForm.path)?id=\(TextEncoding.percentEncode(paper.id))\">Submit to daily</a>" : ""
            return PaperCardView.card(paper, currentYear: currentYear, viewer: viewer, extra: "\(kind)\(submit)")
        }
        return "<ol class=\"cards\">\(cards)</ol>"
    }

    private static func summary(_ page: PaperCatalog.ListingPage, filter: ListingFilter) -> String {
        let what = filter.kind.map { $0 == .cross ? "cross-listed papers" : "new papers" } ?? "new and cross-listed papers"
        return "\(page.total) \(what)\(filter.category.map { " in \($0)" } ?? "")"
    }

    private static func filters(_ filter: ListingFilter, categories: [String]) -> HTML {
        func link(_ label: String, _ query: String, current: Bool) -> HTML {
            "<a href=\"\(Route.newPapers.path)\(query)\"\(current ? " aria-current=\"true\"" : "")>\(label)</a>"
        }
        let byCategory =
            [link("All categories", filter.query(category: .some(nil)), current: filter.category == nil)]
            + categories.map { link($0, filter.query(category: .some($0)), current: filter.category == $0) }
        let byKind = [
            link("New and cross-lists", filter.query(kind: .some(nil)), current: filter.kind == nil),
            link("New", filter.query(kind: .some(.new)), current: filter.kind == .new),
            link("Cross-lists", filter.query(kind: .some(.cross)), current: filter.kind == .cross),
        ]
        return """
            <nav class="filters" aria-label="Categories">\(separated(byCategory))</nav>
            <nav class="filters" aria-label="Announce types">\(separated(byKind))</nav>
            """
    }

    /// Links to the day's further papers, 50 at a time.
    private static func more(_ page: PaperCatalog.ListingPage, filter: ListingFilter) -> HTML {
        PageLinks.render(
            path: Route.newPapers.path + filter.query(day: .some(page.query.day)), page: filter.page,
            hasMore: page.query.offset + page.papers.count < page.total, previous: "← Higher ranked", next: "More papers →"
        )
    }

    /// The links with " · " between them.
    private static func separated(_ links: [HTML]) -> HTML {
        "\(links.enumerated().map { index, link -> HTML in index == 0 ? link : " · \(link)" })"
    }

    private static func pager(_ page: PaperCatalog.ListingPage, filter: ListingFilter) -> HTML {
        let previous: HTML =
            page.previous.map {
                "<a rel=\"prev\" href=\"\(Route.newPapers.path)\(filter.query(day: .some($0)))\">← \(CardFormatting.fullDate($0))</a>"
            } ?? "<span></span>"
        let next: HTML =
            page.next.map { "<a rel=\"next\" href=\"\(Route.newPapers.path)\(filter.query(day: .some($0)))\">\(CardFormatting.fullDate($0)) →</a>" }
            ?? "<span></span>"
        return "<nav class=\"pager\" aria-label=\"Other announcements\">\(previous)\(next)</nav>"
    }
}
