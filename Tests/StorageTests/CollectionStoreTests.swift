import PapersCore
import Storage
import TestSupport
import Testing

/// Collections on both engines: who sees a private one, items in order with no gaps, upvotes counted once, and
/// what an account's deletion takes with it.
@Suite struct CollectionStoreTests {
    let now = Timestamp(day: Day(iso: "2025-11-05") ?? Day(daysSinceEpoch: 0))

    func member(_ store: CommunityStores, _ name: String) async throws -> User {
        try await store.users.createUser(NewUser(username: name, email: "\(name)@example.org", passwordHash: "x"), at: now)
    }

    func collection(_ id: String, owner: String, isPrivate: Bool = false, organization: Bool = false) -> PaperCollection {
        PaperCollection(
            id: id, owner: owner, ownerIsOrganization: organization, title: "List \(id.prefix(2))", isPrivate: isPrivate, createdAt: now,
            updatedAt: now)
    }

    func item(_ id: String, _ paper: String) -> CollectionItem {
        CollectionItem(id: id, paperId: paper, position: 0, note: nil, addedAt: now)
    }

    static let ids = (1...4).map { String(repeating: "\($0)", count: 24) }

    @Test(arguments: TestEngine.allCases) func privateCollectionsAreSeenByTheirOwnersOnly(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database async throws in
            let community = CommunityStores(database: database)
            let store = SQLCollectionStore(database: database)
            let (alice, bob, carol) = (try await member(community, "alice"), try await member(community, "bob"), try await member(community, "carol"))
            try await community.organizations.createOrganization(Organization(name: "lab", fullname: "The Lab"), creatorId: carol.id, at: now)
            _ = try await SQLPaperStore(database: database).apply([SamplePapers.update(SamplePapers.paper("2511.00001"))], at: now)
            let ids = Self.ids
            try await store.create(collection(ids[0], owner: "alice"), ownerUserId: alice.id)
            try await store.create(collection(ids[1], owner: "alice", isPrivate: true), ownerUserId: alice.id)
            try await store.create(collection(ids[2], owner: "lab", isPrivate: true, organization: true), ownerUserId: nil)
            for id in ids.prefix(3) { _ = try await store.addItem(item(String(id.reversed()).prefix(23) + "a", "2511.00001"), to: id, at: now) }
            func seen(by viewer: User?) async throws -> Set<String> {
                Set(try await store.list(CollectionQuery(paperId: "2511.00001", limit: 10), viewer: viewer?.id).map(\.id))
            }
            #expect(try await seen(by: nil) == [ids[0]])
            #expect(try await seen(by: bob) == [ids[0]])
            #expect(try await seen(by: alice) == [ids[0], ids[1]])
            #expect(try await seen(by: carol) == [ids[0], ids[2]])
            #expect(try await store.collection(id: ids[1], viewer: bob.id) == nil)
            #expect(try await store.collection(id: ids[1], viewer: alice.id)?.items.count == 1)
            #expect(try await store.mayEdit(collectionId: ids[2], userId: carol.id))
            #expect(try await !store.mayEdit(collectionId: ids[2], userId: alice.id))
            #expect(try await store.count(owner: "ALICE", viewer: nil) == 1)
        }
    }

    @Test(arguments: TestEngine.allCases) func itemsKeepTheirOrderWithoutGaps(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database async throws in
            let community = CommunityStores(database: database)
            let store = SQLCollectionStore(database: database)
            let alice = try await member(community, "alice")
            let papers = ["2511.00001", "2511.00002", "2511.00003", "2511.00004"]
            _ = try await SQLPaperStore(database: database).apply(papers.map { SamplePapers.update(SamplePapers.paper($0)) }, at: now)
            let id = Self.ids[0]
            try await store.create(collection(id, owner: "alice"), ownerUserId: alice.id)
            let items = papers.enumerated().map { item(String(repeating: "\($0.offset)", count: 24), $0.element) }
            for entry in items { _ = try await store.addItem(entry, to: id, at: now) }
            await #expect(throws: CommunityError.self) {
                _ = try await store.addItem(item(String(repeating: "9", count: 24), papers[0]), to: id, at: now)
            }
            func order() async throws -> [String] { try await store.collection(id: id, viewer: nil)?.items.map(\.paperId) ?? [] }
            #expect(try await store.updateItem(items[3].id, in: id, note: .some("last first"), position: 0, at: now))
            #expect(try await order() == [papers[3], papers[0], papers[1], papers[2]])
            #expect(try await store.updateItem(items[0].id, in: id, note: nil, position: 99, at: now))
            #expect(try await order() == [papers[3], papers[1], papers[2], papers[0]])
            #expect(try await store.deleteItem(items[1].id, from: id, at: now))
            let after = try await store.collection(id: id, viewer: nil)
            #expect(after?.items.map(\.position) == [0, 1, 2] && after?.itemCount == 3 && after?.items.first?.note == "last first")
            #expect(try await !store.deleteItem(items[1].id, from: id, at: now))
            #expect(try await store.list(CollectionQuery(owner: "alice", limit: 5), viewer: nil).first?.items.count == 3)
        }
    }

    @Test(arguments: TestEngine.allCases) func upvotesCountOnceAndLeaveWithTheAccount(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database async throws in
            let community = CommunityStores(database: database)
            let store = SQLCollectionStore(database: database)
            let (alice, bob) = (try await member(community, "alice"), try await member(community, "bob"))
            _ = try await SQLPaperStore(database: database).apply([SamplePapers.update(SamplePapers.paper("2511.00001"))], at: now)
            let (mine, theirs) = (Self.ids[0], Self.ids[1])
            try await store.create(collection(mine, owner: "alice"), ownerUserId: alice.id)
            try await store.create(collection(theirs, owner: "bob"), ownerUserId: bob.id)
            _ = try await store.addItem(item(Self.ids[2], "2511.00001"), to: mine, at: now)
            #expect(try await store.setUpvote(true, collectionId: theirs, userId: alice.id, at: now) == 1)
            #expect(try await store.setUpvote(true, collectionId: theirs, userId: alice.id, at: now) == 1)
            #expect(try await store.setUpvote(true, collectionId: theirs, userId: bob.id, at: now) == 2)
            #expect(try await store.setUpvote(false, collectionId: theirs, userId: bob.id, at: now) == 1)
            try await community.users.deleteUser(id: alice.id, at: now)
            #expect(try await store.collection(id: mine, viewer: nil) == nil)
            #expect(try await store.collection(id: theirs, viewer: nil)?.upvotes == 0)
            #expect(try await database.query("SELECT id FROM collection_items").isEmpty)
        }
    }
}
