import PapersCore

/// Reads and writes papers. One implementation serves every SQL engine through `SQLDatabase`.
public protocol PaperStore: Sendable {
    /// The paper with this id, or nil.
    func paper(id: String) async throws -> Paper?

    /// Papers featured within `days`, optionally by one submitter, ordered as `order` says.
    func featuredPapers(_ query: FeedQuery) async throws -> [Paper]

    /// How many papers `featuredPapers` would return without paging.
    func countFeaturedPapers(_ query: FeedQuery) async throws -> Int

    /// Every day that has at least one featured paper, ascending.
    func featuredDays() async throws -> [Day]

    /// Papers by publication time, newest first, after an optional cursor (the last page's final paper).
    func papersByPublication(after cursor: PublicationCursor?, limit: Int) async throws -> [Paper]

    /// Papers that list `author` (exactly, as written on the paper) among their authors, newest first.
    func papers(byAuthor author: String, limit: Int, offset: Int) async throws -> [Paper]

    /// Every paper in id order, a page at a time, for export.
    func papersInIdOrder(after id: String?, limit: Int) async throws -> [Paper]

    /// The number of stored papers.
    func count() async throws -> Int

    /// Applies source records in one transaction: new papers are inserted, changed ones updated, the rest untouched.
    func apply(_ updates: [PaperUpdate], at now: Timestamp) async throws -> ApplyCounts

    /// The newest arXiv announcement day on or before `day` with papers in `categories` (empty: any).
    func latestAnnouncementDay(categories: [String], onOrBefore day: Day?) async throws -> Day?

    /// The announcement days just before and after `day` with papers in `categories`.
    func neighbouringAnnouncementDays(of day: Day, categories: [String]) async throws -> (previous: Day?, next: Day?)

    /// One announcement's papers, most upvoted first.
    func announcedPapers(_ query: ListingQuery) async throws -> [Paper]

    func countAnnouncedPapers(_ query: ListingQuery) async throws -> Int

    /// A category's papers, newest publication first.
    func papers(inCategory category: String, limit: Int, offset: Int) async throws -> [Paper]

    func countPapers(inCategory category: String) async throws -> Int
}

/// Which featured papers to list, and how.
public struct FeedQuery: Sendable, Equatable {
    public var days: ClosedRange<Day>?
    public var submitter: String?
    public var organization: String?
    /// Only papers with code (`SQLPaperStore.hasCode`).
    public var hasCode = false
    public var limit: Int
    public var offset: Int
    public var order: Order

    /// How featured papers are ordered before the limit cuts them.
    public enum Order: Sendable, Equatable {
        /// Newest feed day first; within a day by upvotes, then by feed position.
        case newestDayFirst
        /// Most upvoted first across all the days (a week's top papers).
        case mostUpvoted
    }

    public init(days: ClosedRange<Day>? = nil, submitter: String? = nil, organization: String? = nil, limit: Int = 50, offset: Int = 0, order: Order = .newestDayFirst) {
        self.days = days
        self.submitter = submitter
        self.organization = organization
        self.limit = limit
        self.offset = offset
        self.order = order
    }
}

extension PaperStore {
    /// The featured papers of `days` (and of one submitter) ranked by the trending formula at `reference`: the one
    /// trending ranking that pages, the API, feeds and digests all use.
    public func trending(days: ClosedRange<Day>, submitter: String? = nil, at reference: Timestamp) async throws -> [Paper] {
        let candidates = try await featuredPapers(FeedQuery(days: days, submitter: submitter, limit: Trending.candidateLimit))
        return Trending.rank(candidates, at: reference)
    }
}

/// A position in the by-publication listing: the publication time and id of the last paper seen.
public struct PublicationCursor: Sendable, Equatable {
    public var publishedAt: Timestamp
    public var id: String

    public init(publishedAt: Timestamp, id: String) {
        self.publishedAt = publishedAt
        self.id = id
    }
}

/// What applying a batch of updates did.
public struct ApplyCounts: Sendable, Equatable {
    public var inserted = 0
    public var updated = 0
    public var unchanged = 0

    public init(inserted: Int = 0, updated: Int = 0, unchanged: Int = 0) {
        self.inserted = inserted
        self.updated = updated
        self.unchanged = unchanged
    }

    public static func + (lhs: ApplyCounts, rhs: ApplyCounts) -> ApplyCounts {
        ApplyCounts(inserted: lhs.inserted + rhs.inserted, updated: lhs.updated + rhs.updated, unchanged: lhs.unchanged + rhs.unchanged)
    }
}
