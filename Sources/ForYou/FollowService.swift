import PapersCore
import Storage

/// Following authors, organizations, arXiv categories, collections and topics: each checked before it is stored
/// (an organization or collection must exist; a private collection may be followed by its owner only), and the
/// member's "For you" list ranked again after (its cache sees the change).
public struct FollowService: Sendable {
    let follows: SQLFollowStore
    let organizations: SQLOrganizationStore
    let collections: SQLCollectionStore
    let digests: SQLPersonalDigestStore
    let clock: @Sendable () -> Timestamp

    public init(database: any SQLDatabase, clock: @escaping @Sendable () -> Timestamp) {
        follows = SQLFollowStore(database: database)
        organizations = SQLOrganizationStore(database: database)
        collections = SQLCollectionStore(database: database)
        digests = SQLPersonalDigestStore(database: database)
        self.clock = clock
    }

    /// Follows what `kind` and `value` name; the follow as stored, and whether it is new.
    public func follow(kind: String, value: String, by user: User) async throws -> (follow: Follow, created: Bool) {
        let follow = try await checked(try FollowRules.follow(kind: kind, value: value), for: user)
        let created = try await follows.follow(follow, userId: user.id, at: clock())
        return (follow, created)
    }

    /// Stops following; whether the member did follow it.
    public func unfollow(kind: String, value: String, by user: User) async throws -> Bool {
        let follow = try FollowRules.follow(kind: kind, value: value)
        let removed = try await follows.unfollow(follow, userId: user.id)
        return removed
    }

    public func follows(of user: User) async throws -> [Follow] {
        try await follows.follows(userId: user.id)
    }

    /// What `member` follows, if `viewer` may see it: the member themself, or anyone once they made it public.
    public func follows(of member: User, shownTo viewer: User?) async throws -> [Follow]? {
        let mayShow = viewer?.id == member.id ? true : try await follows.followsArePublic(userId: member.id)
        guard mayShow else { return nil }
        return try await follows.follows(userId: member.id)
    }

    public func followsArePublic(_ user: User) async throws -> Bool {
        try await follows.followsArePublic(userId: user.id)
    }

    public func setFollowsPublic(_ isPublic: Bool, for user: User) async throws {
        try await follows.setFollowsPublic(isPublic, userId: user.id)
    }

    /// The member's personal digest: nil, or how often it comes.
    public func personalDigest(of user: User) async throws -> Subscriber.Frequency? {
        try await digests.personalDigest(userId: user.id)
    }

    /// Chooses the personal digest (`off`, `daily` or `weekly`), which replaces the general one for the member.
    public func choosePersonalDigest(_ choice: String, for user: User) async throws {
        guard choice == "off" || Subscriber.Frequency(rawValue: choice) != nil else {
            throw CommunityError.invalid("The personal digest is off, daily or weekly.")
        }
        try await digests.setPersonalDigest(Subscriber.Frequency(rawValue: choice), userId: user.id, at: clock())
    }

    /// How many follow it, and whether `viewer` does: what a Follow button shows.
    public func state(of kind: FollowKind, _ value: String, viewer: User?) async throws -> FollowState {
        guard let follow = try? FollowRules.follow(kind: kind.rawValue, value: value) else { return FollowState(followers: 0, following: false) }
        async let followers = follows.followerCount(follow)
        var following = false
        if let viewer { following = try await follows.isFollowing(follow, userId: viewer.id) }
        return FollowState(followers: try await followers, following: following)
    }

    /// The follow with what only the database knows: the organization's name as stored, the collection's address.
    private func checked(_ follow: Follow, for user: User) async throws -> Follow {
        switch follow.kind {
            case .organization:
                guard let organization = try await organizations.organization(named: follow.value) else {
                    throw CommunityError.notFound("No organization named '\(follow.value)' is in DailyPapers.")
                }
                return Follow(kind: .organization, value: organization.name, key: organization.name.lowercased())
            case .collection:
                guard let collection = try await collections.collection(id: follow.key, viewer: user.id) else {
                    throw CommunityError.notFound("No collection '\(follow.value)' is in DailyPapers, or it is private.")
                }
                return Follow(kind: .collection, value: collection.slug, key: collection.id)
            case .author, .category, .topic:
                return follow
        }
    }
}

/// What a Follow button shows: the follower count, and whether the viewer is one of them.
public struct FollowState: Sendable, Equatable {
    public let followers: Int
    public let following: Bool

    public init(followers: Int, following: Bool) {
        self.followers = followers
        self.following = following
    }
}
