import PapersCore
import Presentation
import Storage

/// The queries pages and the JSON API share, so the HTML and the API can never disagree.
public struct PaperCatalog: Sendable {
    let store: SQLPaperStore

    public init(store: SQLPaperStore) {
        self.store = store
    }

    /// One page of a feed window, with the neighbouring windows that have papers.
    public struct FeedPage: Sendable {
        public let window: FeedWindow
        public let papers: [Paper]
        public let total: Int
        public let previous: FeedWindow?
        public let next: FeedWindow?
    }

    /// How a listing is ordered.
    public enum Sort: String, Sendable {
        /// Newest feed day first; within a day by upvotes, then by feed position.
        case publishedAt
        /// By the published trending formula.
        case trending
    }

    /// The paper an id names, in any accepted spelling of an arXiv id (a version suffix is dropped).
    public func paper(id: String) async throws -> Paper? {
        try await store.paper(id: PaperIdentity.normalizedArxivId(id) ?? id)
    }

    /// The featured papers of the last `dayCount` feed days, newest day first.
    public func recentDays(_ dayCount: Int, limit: Int) async throws -> [Paper] {
        let days = try await store.featuredDays().suffix(dayCount)
        guard let first = days.first, let last = days.last else { return [] }
        return try await store.featuredPapers(FeedQuery(days: first...last, limit: limit))
    }

    /// The most upvoted papers of the latest week with featured papers.
    public func latestWeekTop(limit: Int) async throws -> [Paper] {
        guard let latest = try await latestFeaturedDay() else { return [] }
        return try await store.featuredPapers(FeedQuery(days: FeedWindow.week(ISOWeek(containing: latest)).days, limit: limit, order: .mostUpvoted))
    }

    /// An organization's featured papers, newest day first.
    public func organizationPapers(_ name: String, limit: Int, offset: Int = 0) async throws -> [Paper] {
        try await store.featuredPapers(FeedQuery(organization: name, limit: limit, offset: offset))
    }

    /// The papers `submitter` featured, newest day first.
    public func submittedBy(_ submitter: String, limit: Int) async throws -> [Paper] {
        try await store.featuredPapers(FeedQuery(submitter: submitter, limit: limit))
    }

    /// The papers an author (by the name as written) wrote.
    public func byAuthor(_ name: String, limit: Int, offset: Int = 0) async throws -> [Paper] {
        try await store.papers(byAuthor: name, limit: limit, offset: offset)
    }

    /// Every paper by publication time, newest first, after `cursor`.
    public func byPublication(after cursor: PublicationCursor?, limit: Int) async throws -> [Paper] {
        try await store.papersByPublication(after: cursor, limit: limit)
    }

    /// The newest day with featured papers.
    public func latestFeaturedDay() async throws -> Day? {
        try await store.featuredDays().last
    }

    /// Papers of a window ordered for its page, with previous/next windows that skip empty days.
    public func feed(_ window: FeedWindow, hasCode: Bool = false, limit: Int, offset: Int) async throws -> FeedPage {
        var query = FeedQuery(days: window.days, limit: limit, offset: offset)
        query.hasCode = hasCode
        async let papers = store.featuredPapers(query)
        async let total = store.countFeaturedPapers(query)
        let days = try await store.featuredDays()
        return FeedPage(
            window: window,
            papers: try await papers,
            total: try await total,
            previous: window.previous(in: days),
            next: window.next(in: days)
        )
    }

    /// Featured papers for the API: optionally within days and by a submitter, in either order.
    public func featured(days: ClosedRange<Day>?, submitter: String?, sort: Sort, limit: Int, offset: Int, now: Timestamp) async throws -> [Paper] {
        switch sort {
            case .publishedAt:
                return try await store.featuredPapers(FeedQuery(days: days, submitter: submitter, limit: limit, offset: offset))
            case .trending:
                let reference = Trending.referenceTime(now: now, latestFeaturedDay: try await latestFeaturedDay())
                let ranked = try await trendingCandidates(days: days, submitter: submitter, at: reference)
                return Array(ranked.dropFirst(offset).prefix(limit))
        }
    }

    /// The trending list: papers of the trending window ranked by the published formula, with the time it used.
    public func trending(limit: Int, offset: Int = 0, now: Timestamp) async throws -> (papers: [Paper], referenceTime: Timestamp) {
        let reference = Trending.referenceTime(now: now, latestFeaturedDay: try await latestFeaturedDay())
        let ranked = try await trendingCandidates(days: nil, submitter: nil, at: reference)
        return (Array(ranked.dropFirst(offset).prefix(limit)), reference)
    }

    private func trendingCandidates(days: ClosedRange<Day>?, submitter: String?, at reference: Timestamp) async throws -> [Paper] {
        let window = days ?? reference.day.adding(days: -Trending.windowDays)...reference.day
        return try await store.trending(days: window, submitter: submitter, at: reference)
    }
}
