import PapersCore
import Presentation

/// The trending list, with the formula that ranks it.
enum TrendingPageView {
    static func render(papers: [Paper], page: Int = 0, hasMore: Bool = false, referenceTime: Timestamp, currentYear: Int, viewer: Viewer?) -> HTML {
        let cards = papers.map { paper in
            let score = Trending.score(of: paper, at: referenceTime)
            return PaperCardView.card(
                paper, currentYear: currentYear, viewer: viewer, extra: " · <span title=\"trending score\">score \(formatted(score))</span>")
        }
        let path = Route.trending.path
        let list: HTML =
            papers.isEmpty
            ? PageLinks.empty(path: path, page: page, empty: "<p class=\"empty\">No papers were featured in the trending window.</p>")
            : "<ol class=\"cards\">\(cards)</ol>\(PageLinks.render(path: path, page: page, hasMore: hasMore))"
        let content: HTML = """
            <h1>Trending papers</h1>
            <p class="sub">Papers featured in the last \(Trending.windowDays) days, ranked by upvotes with time decay:</p>
            <p class="formula">\(Trending.formulaDescription)</p>
            <p class="sub">Age is measured at <time datetime="\(referenceTime.description)">\(CardFormatting.moment(referenceTime))</time> (now, or the end of the newest feed day if the feed is older).</p>
            \(list)
            """
        return Layout.page(title: "Trending papers", tab: .trending, viewer: viewer, content: content)
    }

    static func formatted(_ score: Double) -> String {
        let scaled = (score * 10_000).rounded() / 10_000
        return String(scaled)
    }
}
