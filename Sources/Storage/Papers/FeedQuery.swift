import PapersCore

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

    public init(
        days: ClosedRange<Day>? = nil, submitter: String? = nil, organization: String? = nil, limit: Int = 50, offset: Int = 0,
        order: Order = .newestDayFirst
    ) {
        self.days = days
        self.submitter = submitter
        self.organization = organization
        self.limit = limit
        self.offset = offset
        self.order = order
    }
}

extension SQLPaperStore {
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
