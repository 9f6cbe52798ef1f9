import PapersCore
import Storage
import Synchronization

/// Each member's "For you" list: the week's candidates (read once for everyone), their profile (follows, saved and
/// upvoted papers, "not interested"), ranked and kept per member until their own action or a new pool changes it.
/// Their actions are seen through a signature of their rows (counts and latest times), so a vote on another
/// instance of the site changes the ranking here too.
public final class ForYouService: Sendable {
    /// Where the list's inputs are read.
    public struct Stores: Sendable {
        let papers: SQLPaperStore
        let follows: SQLFollowStore
        let profiles: SQLForYouStore

        public init(database: any SQLDatabase) {
            papers = SQLPaperStore(database: database)
            follows = SQLFollowStore(database: database)
            profiles = SQLForYouStore(database: database)
        }
    }

    private struct Ranked {
        let list: ForYouList
        let poolGeneration: Int
        let signature: String
    }

    private let stores: Stores
    private let ranker: ForYouRanker
    private let meaning: (any PaperMeaning)?
    private let clock: @Sendable () -> Timestamp
    /// How many days of papers the list ranks.
    public let days: Int
    private let pool: SharedPool
    private let rankings = MemberCache<Ranked>(capacity: 5_000)

    public init(
        stores: Stores, meaning: (any PaperMeaning)?, weights: ForYouWeights = .standard, days: Int = 7,
        clock: @escaping @Sendable () -> Timestamp
    ) {
        self.stores = stores
        self.meaning = meaning
        self.ranker = ForYouRanker(weights: weights)
        self.days = days
        self.clock = clock
        self.pool = SharedPool(store: stores, days: days)
    }

    /// The member's list, from the cache when nothing they did and no new pool changed it.
    public func list(for user: User) async throws -> ForYouList {
        async let signature = stores.profiles.signature(userId: user.id)
        let (pool, generation) = try await pool.current(at: clock())
        let current = try await signature
        if let cached = rankings.value(for: user.id), cached.poolGeneration == generation, cached.signature == current { return cached.list }
        let list = try await rank(user, pool: pool)
        rankings.store(Ranked(list: list, poolGeneration: generation, signature: current), for: user.id)
        return list
    }

    /// Forgets the member's ranking (their account is gone: nothing of it stays in memory).
    public func forget(_ user: User) {
        rankings.remove(user.id)
    }

    /// Marks a paper "not interested" (or takes the mark back); the member's next list leaves it, and papers like it, lower.
    public func dismiss(_ paperId: String, dismissed: Bool, by user: User) async throws {
        guard try await stores.papers.paper(id: paperId) != nil else {
            throw CommunityError.notFound("No paper with id '\(paperId)' is in DailyPapers.")
        }
        try await stores.follows.setDismissed(dismissed, userId: user.id, paperId: paperId, at: clock())
    }

    private func rank(_ user: User, pool: CandidatePool?) async throws -> ForYouList {
        guard let pool else { return ForYouList(picks: [], days: nil, isNewMember: false) }
        let profile = try await profile(of: user, among: Set(pool.ids))
        guard !profile.isEmpty else { return try await trending(pool) }
        // Embedded like a query: the semantic index remembers recent ones, so a topic many follow is embedded once.
        let topicFollows = profile.follows.filter { $0.kind == .topic }
        let topicVectors =
            meaning.map { meaning in Dictionary(topicFollows.map { ($0.key, meaning.embed($0.value)) }, uniquingKeysWith: { a, _ in a }) } ?? [:]
        let picks = ranker.rank(pool, for: profile, meaning: meaning, topics: topicVectors, today: pool.days.upperBound)
        return ForYouList(picks: picks, days: pool.days, isNewMember: false)
    }

    func profile(of user: User, among candidates: Set<String>) async throws -> ForYouProfile {
        async let history = stores.profiles.history(userId: user.id)
        async let follows = stores.follows.follows(userId: user.id)
        async let dismissed = stores.follows.dismissedIds(userId: user.id)
        let followed = try await follows
        let collections = followed.filter { $0.kind == .collection }.map(\.key)
        let collectionPapers = try await stores.profiles.collectionPapers(collectionIds: collections, among: candidates)
        return ForYouProfile(history: try await history, follows: followed, dismissed: try await dismissed, collectionPapers: collectionPapers)
    }

    /// A new member's list: the pool's featured papers by the trending formula.
    private func trending(_ pool: CandidatePool) async throws -> ForYouList {
        let papers = try await stores.papers.trending(days: pool.days, at: clock())
        let picks = papers.prefix(ForYouRanker.maximumPicks).map {
            ForYouPick(paperId: $0.id, score: 0, personalScore: 0, reason: .popular(upvotes: $0.upvotes))
        }
        return ForYouList(picks: Array(picks), days: pool.days, isNewMember: true)
    }
}

extension ForYouService {
    /// One page of the member's list: each paper with its reason, whether more follow, and the list itself.
    public func page(for user: User, limit: Int, offset: Int) async throws -> ForYouPage {
        let list = try await list(for: user)
        let picks = Array(list.picks.dropFirst(offset).prefix(limit))
        let papers = Dictionary(
            try await stores.papers.papers(ids: picks.map(\.paperId)).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let items = picks.compactMap { pick in papers[pick.paperId].map { ForYouPage.Item(paper: $0, reason: pick.reason) } }
        return ForYouPage(items: items, hasMore: list.picks.count > offset + limit, list: list)
    }
}

/// A page of a member's "For you" list.
public struct ForYouPage: Sendable {
    /// A paper and why it is there.
    public struct Item: Sendable {
        public let paper: Paper
        public let reason: ForYouReason
    }

    public let items: [Item]
    public let hasMore: Bool
    public let list: ForYouList
}
