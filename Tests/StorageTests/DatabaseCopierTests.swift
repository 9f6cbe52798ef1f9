import PapersCore
import Storage
import TestSupport
import Testing

/// `dailypapers copy`: a whole instance moves from SQLite to PostgreSQL with every row of every table.
@Suite struct DatabaseCopierTests {
    let now = Timestamp(iso: "2026-08-21T21:00:00Z") ?? Timestamp(millisecondsSinceEpoch: 0)

    /// An instance with a row in every table.
    func populate(_ database: any SQLDatabase) async throws {
        let papers = SQLPaperStore(database: database)
        let nvidia = Organization(name: "nvidia", fullname: "NVIDIA")
        _ = try await papers.apply(
            [SamplePapers.paper("2608.00001", upvotes: 4, organization: nvidia), SamplePapers.paper("2608.00002", title: "Zoë's \"quoted\" paper")]
                .map(SamplePapers.update), at: now)
        let community = CommunityStores(database: database)
        let ada = try await community.users.createUser(NewUser(username: "ada", email: "ada@example.org", passwordHash: "$2b$04$hash"), at: now)
        let bob = try await community.users.createUser(NewUser(username: "bob", email: "bob@example.org", passwordHash: "$2b$04$hash"), at: now)
        try await community.sessions.createSession(idHash: "session-hash", userId: ada.id, csrf: "csrf", at: now, expiresAt: now)
        try await community.sessions.createAccountToken(idHash: "link-hash", userId: bob.id, purpose: .resetPassword, at: now, expiresAt: now)
        try await community.sessions.createAPIToken(userId: ada.id, name: "script", hash: "token-hash", prefix: "dp_1234", at: now)
        _ = try await community.votes.setVote(userId: ada.id, paperId: "2608.00001", upvoted: true, at: now)
        _ = try await community.votes.setVote(userId: bob.id, paperId: "2608.00001", upvoted: true, at: now)
        let comment = try await community.comments.addComment(paperId: "2608.00001", parentId: nil, userId: ada.id, body: "First", at: now)
        _ = try await community.comments.addComment(paperId: "2608.00001", parentId: comment.id, userId: bob.id, body: "A reply", at: now)
        try await community.organizations.createOrganization(Organization(name: "lab", fullname: "The Lab"), creatorId: bob.id, at: now)
        try await community.moderation.hidePaper(id: "2608.00002", reason: .spam, moderator: "ada", at: now)
        let mail = SQLMailStore(database: database)
        _ = try await mail.importConfirmed([("reader@example.org", .daily, ["rl"])], at: now)
        let reader = try #require(try await mail.subscriber(email: "reader@example.org"))
        _ = try await mail.enqueue(
            [OutboxMessage(key: "k1", subscriberId: reader.id, recipient: reader.email, kind: "digest", edition: "daily:2026-08-21", message: "x")],
            at: now)
        _ = try await mail.setting("link_signing_key") { "secret" }
        _ = try await JobLeases(database: database).acquire("digest-composer", owner: "a", at: now, expiresAt: now)
        try await SQLEmbeddingStore(database: database).save([(paperId: "2608.00001", bytes: [1, 2, 255, 0, 128])], model: "test-model")
        let collections = SQLCollectionStore(database: database)
        let id = "0123456789abcdef01234567"
        try await collections.create(
            PaperCollection(id: id, owner: "ada", ownerIsOrganization: false, title: "Ada's list", isPrivate: true, createdAt: now, updatedAt: now),
            ownerUserId: ada.id)
        _ = try await collections.addItem(
            CollectionItem(id: "89abcdef0123456789abcdef", paperId: "2608.00001", position: 0, note: "Zoë's note", addedAt: now), to: id, at: now)
        _ = try await collections.setUpvote(true, collectionId: id, userId: bob.id, at: now)
        _ = try await SQLReadingListStore(database: database).setSaved(true, userId: bob.id, paperId: "2608.00001", at: now)
    }

    func dump(_ database: any SQLDatabase) async throws -> [String: [[SQLValue]]] {
        var tables: [String: [[SQLValue]]] = [:]
        for (table, order) in [
            ("settings", "key"), ("organizations", "name"), ("papers", "id"), ("users", "id"), ("sessions", "id"),
            ("account_tokens", "id"), ("api_tokens", "id"), ("votes", "user_id, paper_id"), ("comments", "id"),
            ("organization_members", "organization, user_id"), ("moderation_log", "id"), ("subscribers", "id"),
            ("outbox", "id"), ("job_leases", "name"), ("paper_embeddings", "paper_id"), ("collections", "id"), ("collection_items", "id"),
            ("collection_upvotes", "collection_id, user_id"), ("saved_papers", "user_id, paper_id"),
        ] {
            let rows = try await database.query("SELECT * FROM \(unsafeRaw: table) ORDER BY \(unsafeRaw: order)")
            tables[table] = rows.map { row in row.columnNames.map { row[$0] } }
        }
        return tables
    }

    @Test func everyRowOfEveryTableMovesFromSQLiteToPostgreSQL() async throws {
        try await TestDatabase.with(.sqlite) { source async throws in
            try await populate(source)
            try await TestDatabase.with(.postgres) { target async throws in
                let copied = try await DatabaseCopier(from: source, to: target).copy(batchSize: 1)
                #expect(copied["papers"] == 2 && copied["votes"] == 2 && copied["comments"] == 2 && copied["outbox"] == 1)
                let before = try await dump(source)
                #expect(before.values.allSatisfy { !$0.isEmpty }, "the fixture fills every table")
                #expect(try await dump(target) == before)
                // New rows continue after the copied ids.
                let carl = try await CommunityStores(database: target).users.createUser(
                    NewUser(username: "carl", email: "carl@example.org", passwordHash: "x"), at: now)
                #expect(carl.id == 3)
                await #expect(throws: DatabaseCopier.TargetNotEmpty.self) { try await DatabaseCopier(from: source, to: target).copy() }
            }
        }
    }

    @Test func aFailedCopyLeavesTheTargetEmpty() async throws {
        try await TestDatabase.with(.sqlite) { source async throws in
            try await populate(source)
            try await TestDatabase.with(.postgres) { target async throws in
                // A lease already in the target collides with the last table copied: everything before it rolls back.
                _ = try await JobLeases(database: target).acquire("digest-composer", owner: "b", at: now, expiresAt: now)
                await #expect(throws: SQLError.constraint(message: "duplicate key value violates unique constraint \"job_leases_pkey\"")) {
                    try await DatabaseCopier(from: source, to: target).copy()
                }
                #expect(try await target.query("SELECT COUNT(*) AS n FROM papers").first?.int("n") == 0)
                #expect(try await target.query("SELECT COUNT(*) AS n FROM users").first?.int("n") == 0)
            }
        }
    }
}
