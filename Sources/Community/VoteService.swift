import PapersCore
import Storage

/// Members' upvotes: one per member and paper, idempotent, on visible papers only.
public struct VoteService: Sendable {
    let store: SQLVoteStore
    let clock: @Sendable () -> Timestamp

    public init(store: SQLVoteStore, clock: @escaping @Sendable () -> Timestamp) {
        self.store = store
        self.clock = clock
    }

    /// Upvotes (or takes back the upvote of) the paper `rawId` names — an arXiv id in any accepted spelling — and
    /// returns its new count.
    public func vote(_ rawId: String, upvoted: Bool, by user: User) async throws -> VoteResult {
        let id = PaperIdentity.normalizedArxivId(rawId) ?? rawId
        return try await store.setVote(userId: user.id, paperId: id, upvoted: upvoted, at: clock())
    }

    /// Which of `paperIds` (a page's papers) `user` upvotes, for marking them.
    public func upvotedIds(of user: User, among paperIds: [String]) async throws -> Set<String> {
        try await store.upvotedIds(userId: user.id, among: paperIds)
    }

    /// The papers `user` upvoted, newest vote first.
    public func upvotedPapers(of user: User, limit: Int) async throws -> [Paper] {
        try await store.upvotedPapers(userId: user.id, limit: limit)
    }
}
