import PapersCore
import Presentation

/// The daily, weekly and monthly listings.
enum FeedPageView {
    /// `quietNotice`: on the front page, arXiv's plain words on a day without an announcement.
    static func render(
        _ page: PaperCatalog.FeedPage, hasCode: Bool = false, pageNumber: Int, pageSize: Int, currentYear: Int, subscribeBox: Bool = false,
        quietNotice: QuietDay? = nil, viewer: Viewer?
    ) -> HTML {
        let title = CardFormatting.title(of: page.window)
        let quiet = quietNotice.map { QuietDayView.render($0, then: "These are the papers of \(title).") } ?? ""
        let content: HTML = """
            \(subscribeBox ? SubscriptionViews.box(placement: "before-list") : "")
            <h1>\(title)</h1>\(quiet)
            \(page.total == 0 && !hasCode ? "" : "<p class=\"sub\">\(summary(page, hasCode: hasCode)) · \(codeFilter(page.window, hasCode: hasCode))</p>" as HTML)
            \(pager(page, hasCode: hasCode))
            \(page.papers.isEmpty
                ? PageLinks.empty(path: Route.feed(page.window).path + query(hasCode), page: pageNumber, empty: emptyState(page.window, hasCode: hasCode))
                : "\(PaperCardView.list(page.papers, currentYear: currentYear, viewer: viewer))\(morePager(page, hasCode: hasCode, pageNumber: pageNumber, pageSize: pageSize))")
            \(pager(page, hasCode: hasCode))
            \(subscribeBox ? SubscriptionViews.box(placement: "after-list") : "")
            """
        return Layout.page(title: title, tab: tab(for: page.window), viewer: viewer, content: content)
    }

    /// "17 papers featured, ranked by upvotes"; a phone's line keeps the count.
    private static func summary(_ page: PaperCatalog.FeedPage, hasCode: Bool) -> HTML {
        let noun = page.total == 1 ? "paper" : "papers"
        return "\(page.total) \(noun)\(hasCode ? " with code" : "") featured<span class=\"wide-only\">, ranked by upvotes</span>"
    }

    /// "With code" / "All papers": the feed's one filter, kept by its paging links.
    private static func codeFilter(_ window: FeedWindow, hasCode: Bool) -> HTML {
        let path = Route.feed(window).path
        return hasCode ? "<a href=\"\(path)\">All papers</a>" : "<a href=\"\(path)?has=code\">With code only</a>"
    }

    private static func query(_ hasCode: Bool) -> String {
        hasCode ? "?has=code" : ""
    }

    private static func pager(_ page: PaperCatalog.FeedPage, hasCode: Bool) -> HTML {
        let previous: HTML =
            page.previous.map { "<a rel=\"prev\" href=\"\(Route.feed($0).path + query(hasCode))\">← \(CardFormatting.title(of: $0))</a>" }
            ?? "<span></span>"
        let next: HTML =
            page.next.map { "<a rel=\"next\" href=\"\(Route.feed($0).path + query(hasCode))\">\(CardFormatting.title(of: $0)) →</a>" }
            ?? "<span></span>"
        return "<nav class=\"pager\" aria-label=\"Other days\">\(previous)\(datePicker(page.window))\(next)</nav>"
    }

    /// A day of the archive in two clicks: the browser's own date control, sent to `/papers/date`.
    private static func datePicker(_ window: FeedWindow) -> HTML {
        """
        <form class="date-picker" method="get" action="\(Route.dayPicker.path)"><label>Day <input type="date" name="date" \
        value="\(window.days.lowerBound.description)" required></label><button>Go</button></form>
        """
    }

    private static func morePager(_ page: PaperCatalog.FeedPage, hasCode: Bool, pageNumber: Int, pageSize: Int) -> HTML {
        PageLinks.render(
            path: Route.feed(page.window).path + query(hasCode), page: pageNumber, hasMore: (pageNumber + 1) * pageSize < page.total,
            previous: "← Higher ranked", next: "More papers →"
        )
    }

    private static func emptyState(_ window: FeedWindow, hasCode: Bool) -> HTML {
        let span: String
        switch window {
            case .day: span = "on this day"
            case .week: span = "in this week"
            case .month: span = "in this month"
        }
        if hasCode { return "<p class=\"empty\">None of the papers featured \(span) links its code.</p>" }
        return "<p class=\"empty\">No papers were featured \(span). The links above lead to the nearest days that have some.</p>"
    }

    private static func tab(for window: FeedWindow) -> Layout.Tab {
        switch window {
            case .day: return .daily
            case .week: return .weekly
            case .month: return .monthly
        }
    }
}
