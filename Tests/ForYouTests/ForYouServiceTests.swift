import ForYou
import Foundation
import PapersCore
import Storage
import TestSupport
import Testing

/// Following and the "For you" list on both engines, through the services the site calls: each kind of follow,
/// what is refused, privacy, the list seeing the member's own actions, "not interested", and an account's deletion.
@Suite struct ForYouServiceTests {
    let now = Timestamp(iso: "2025-11-05T18:00:00Z") ?? Timestamp(millisecondsSinceEpoch: 0)

    struct Site {
        let database: any SQLDatabase
        let follows: FollowService
        let forYou: ForYouService
        let alice: User
        let bob: User
    }

    func site(_ database: any SQLDatabase, meaning: StubMeaning? = nil) async throws -> Site {
        let users = SQLUserStore(database: database)
        let alice = try await users.createUser(NewUser(username: "alice", email: "alice@example.org", passwordHash: "x"), at: now)
        let bob = try await users.createUser(NewUser(username: "bob", email: "bob@example.org", passwordHash: "x"), at: now)
        var byGrace = SamplePapers.paper("2511.00001", featured: "2025-11-04", upvotes: 3)
        byGrace.authors = ["Grace Hopper"]
        let byNvidia = SamplePapers.paper(
            "2511.00002", featured: "2025-11-03", upvotes: 9, organization: Organization(name: "nvidia", fullname: "NVIDIA"))
        let old = SamplePapers.paper("2510.00003", featured: "2025-10-01", upvotes: 40)
        _ = try await SQLPaperStore(database: database).apply([byGrace, byNvidia, old].map(SamplePapers.update), at: now)
        let clock: @Sendable () -> Timestamp = { [now] in now }
        return Site(
            database: database, follows: FollowService(database: database, clock: clock),
            forYou: ForYouService(stores: .init(database: database), meaning: meaning, clock: clock), alice: alice, bob: bob)
    }

    @Test(arguments: TestEngine.allCases) func followingEachKindAndWhatIsRefused(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database async throws in
            let site = try await site(database)
            #expect(try await site.follows.follow(kind: "author", value: "  Grace   Hopper ", by: site.alice).created)
            #expect(try await !site.follows.follow(kind: "author", value: "grace hopper", by: site.alice).created, "the same author, again")
            #expect(try await site.follows.follow(kind: "organization", value: "nvidia", by: site.alice).follow.value == "nvidia")
            #expect(try await site.follows.follow(kind: "category", value: "cs.CL", by: site.alice).created)
            #expect(try await site.follows.follow(kind: "topic", value: "RL for LLMs", by: site.alice).created)
            await #expect(throws: CommunityError.self) { try await site.follows.follow(kind: "organization", value: "nobody", by: site.alice) }
            await #expect(throws: CommunityError.self) { try await site.follows.follow(kind: "category", value: "Not A Category", by: site.alice) }
            await #expect(throws: CommunityError.self) { try await site.follows.follow(kind: "planet", value: "Mars", by: site.alice) }
            await #expect(throws: CommunityError.self) {
                try await site.follows.follow(kind: "topic", value: String(repeating: "a", count: 61), by: site.alice)
            }
            await #expect(throws: CommunityError.self) { try await site.follows.follow(kind: "author", value: "bell\u{7}ringer", by: site.alice) }
            let kinds = try await site.follows.follows(of: site.alice).map(\.kind)
            #expect(kinds == [.author, .organization, .category, .topic])
            #expect(try await site.follows.state(of: .author, "GRACE HOPPER", viewer: site.bob) == FollowState(followers: 1, following: false))
            #expect(try await site.follows.unfollow(kind: "topic", value: "rl for llms", by: site.alice))
            #expect(try await !site.follows.unfollow(kind: "topic", value: "rl for llms", by: site.alice))
        }
    }

    @Test(arguments: TestEngine.allCases) func collectionsArePublicOrTheOwners(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database async throws in
            let site = try await site(database)
            let store = SQLCollectionStore(database: database)
            let open = PaperCollection(
                id: "0123456789abcdef01234567", owner: "bob", ownerIsOrganization: false, title: "Open", createdAt: now, updatedAt: now)
            var closed = open
            (closed.id, closed.title, closed.isPrivate) = ("89abcdef0123456789abcdef", "Closed", true)
            try await store.create(open, ownerUserId: site.bob.id)
            try await store.create(closed, ownerUserId: site.bob.id)
            _ = try await store.addItem(
                CollectionItem(id: "00000000000000000000000a", paperId: "2511.00002", position: 0, note: nil, addedAt: now), to: open.id, at: now)
            let followed = try await site.follows.follow(kind: "collection", value: open.id, by: site.alice).follow
            #expect(followed.value == open.slug, "stored under its address")
            await #expect(throws: CommunityError.self) { try await site.follows.follow(kind: "collection", value: closed.slug, by: site.alice) }
            #expect(try await site.follows.follow(kind: "collection", value: closed.slug, by: site.bob).created, "its owner may")
            let list = try await site.forYou.list(for: site.alice)
            #expect(list.picks.first { $0.paperId == "2511.00002" }?.reason == .collection(title: "Open"))
            try await store.delete(id: open.id)
            #expect(try await site.follows.follows(of: site.alice).isEmpty, "a deleted collection leaves no follow behind")
        }
    }

    @Test(arguments: TestEngine.allCases) func followsArePrivateUntilMadePublic(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database async throws in
            let site = try await site(database)
            _ = try await site.follows.follow(kind: "topic", value: "secret interest", by: site.alice)
            #expect(try await site.follows.follows(of: site.alice, shownTo: site.bob) == nil)
            #expect(try await site.follows.follows(of: site.alice, shownTo: nil) == nil)
            #expect(try await site.follows.follows(of: site.alice, shownTo: site.alice)?.count == 1)
            try await site.follows.setFollowsPublic(true, for: site.alice)
            #expect(try await site.follows.follows(of: site.alice, shownTo: nil)?.map(\.value) == ["secret interest"])
        }
    }

    @Test(arguments: TestEngine.allCases) func theListSeesTheMembersOwnActions(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database async throws in
            let site = try await site(database)
            let first = try await site.forYou.list(for: site.alice)
            #expect(first.isNewMember && first.picks.map(\.paperId) == ["2511.00002", "2511.00001"], "a new member sees the week's trending")
            #expect(first.days == Day(iso: "2025-10-29").map { $0...$0.adding(days: 6) }, "the week up to the latest featured day")
            _ = try await site.follows.follow(kind: "author", value: "Grace Hopper", by: site.alice)
            let followed = try await site.forYou.list(for: site.alice)
            #expect(!followed.isNewMember && followed.picks.first?.reason == .author("Grace Hopper"), "the cached list was not served")
            try await site.forYou.dismiss("2511.00001", dismissed: true, by: site.alice)
            #expect(try await site.forYou.list(for: site.alice).picks.map(\.paperId) == ["2511.00002"])
            try await site.forYou.dismiss("2511.00001", dismissed: false, by: site.alice)
            #expect(try await site.forYou.list(for: site.alice).picks.count == 2)
            await #expect(throws: CommunityError.self) { try await site.forYou.dismiss("2599.99999", dismissed: true, by: site.alice) }
            _ = try await SQLVoteStore(database: database).setVote(userId: site.alice.id, paperId: "2511.00002", upvoted: true, at: now)
            #expect(try await site.forYou.list(for: site.alice).picks.map(\.paperId) == ["2511.00001"], "an upvoted paper is history now")
            #expect(try await site.forYou.list(for: site.bob).isNewMember, "one member's actions are theirs only")
        }
    }

    @Test(arguments: TestEngine.allCases) func aDeletedAccountLeavesNothing(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database async throws in
            let site = try await site(database)
            _ = try await site.follows.follow(kind: "author", value: "Grace Hopper", by: site.alice)
            try await site.forYou.dismiss("2511.00002", dismissed: true, by: site.alice)
            try await site.follows.choosePersonalDigest("weekly", for: site.alice)
            _ = try await SQLPersonalDigestStore(database: database).enqueuePersonal(
                OutboxMessage(
                    key: "foryou:test:\(site.alice.id)", subscriberId: nil, recipient: "alice@example.org", kind: "digest",
                    edition: "foryou:test", message: "m", userId: site.alice.id),
                userId: site.alice.id, paperIds: ["2511.00001"], at: now)
            for table in ["follows", "dismissed_papers", "personal_digests", "personal_digest_papers"] {
                #expect(
                    try await !database.query("SELECT user_id FROM \(unsafeRaw: table) WHERE user_id = \(site.alice.id)").isEmpty, "\(table) before")
            }
            _ = try await site.forYou.list(for: site.alice)
            try await SQLUserStore(database: database).deleteUser(id: site.alice.id, at: now)
            site.forYou.forget(site.alice)
            for table in ["follows", "dismissed_papers", "personal_digests", "personal_digest_papers"] {
                #expect(try await database.query("SELECT user_id FROM \(unsafeRaw: table) WHERE user_id = \(site.alice.id)").isEmpty, "\(table)")
            }
            #expect(try await site.follows.state(of: .author, "Grace Hopper", viewer: nil).followers == 0)
        }
    }
}
