import PapersCore

extension Layout.Alternate {
    /// The feeds a page of `tab` links to with `<link rel="alternate">`.
    static func feeds(of tab: Layout.Tab) -> [Layout.Alternate] {
        switch tab {
            case .weekly: return both("Weekly papers", Route.weekFeed)
            case .trending: return both("Trending papers", Route.trendingFeed)
            default: return both("Daily papers", Route.dailyFeed)
        }
    }

    /// The Atom and RSS versions of one feed; `query` (already encoded) follows each path.
    static func both(_ title: String, query: String = "", _ route: (FeedFormat) -> Route) -> [Layout.Alternate] {
        let suffix = query.isEmpty ? "" : "?" + query
        return [
            Layout.Alternate(title: title + " (Atom)", path: route(.atom).path + suffix, type: FeedFormat.atom.mediaType),
            Layout.Alternate(title: title + " (RSS)", path: route(.rss).path + suffix, type: FeedFormat.rss.mediaType),
        ]
    }
}
