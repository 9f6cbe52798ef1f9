extension Layout.Alternate {
    /// The feeds a page of `tab` links to with `<link rel="alternate">`.
    static func feeds(of tab: Layout.Tab) -> [Layout.Alternate] {
        let base: String
        let title: String
        switch tab {
            case .weekly: (base, title) = ("/papers/week/feed", "Weekly papers")
            case .trending: (base, title) = ("/papers/trending/feed", "Trending papers")
            default: (base, title) = ("/papers/feed", "Daily papers")
        }
        return [Layout.Alternate(title: title + " (Atom)", path: base + ".atom", type: "application/atom+xml"),
                Layout.Alternate(title: title + " (RSS)", path: base + ".rss", type: "application/rss+xml")]
    }
}
