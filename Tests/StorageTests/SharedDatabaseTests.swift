import PapersCore
import Storage
import TestSupport
import Testing

/// What several instances sharing one database rely on: job leases, outbox claims, migrations run once.
@Suite struct SharedDatabaseTests {
    let now = Timestamp(iso: "2026-08-21T21:00:00Z") ?? Timestamp(millisecondsSinceEpoch: 0)

    func later(_ milliseconds: Int64) -> Timestamp {
        Timestamp(millisecondsSinceEpoch: now.millisecondsSinceEpoch + milliseconds)
    }

    @Test(arguments: TestEngine.allCases) func aJobLeaseHasOneHolderUntilItExpiresOrIsReleased(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database async throws in
            let leases = JobLeases(database: database)
            #expect(try await leases.acquire("digest", owner: "a", at: now, expiresAt: later(60_000)))
            #expect(try await leases.acquire("digest", owner: "b", at: later(1_000), expiresAt: later(61_000)) == false)
            #expect(try await leases.acquire("digest", owner: "a", at: later(2_000), expiresAt: later(62_000)), "the holder renews")
            #expect(try await leases.acquire("other", owner: "b", at: now, expiresAt: later(60_000)), "leases are per job")
            #expect(try await leases.holder(of: "digest", at: later(3_000)) == "a")
            #expect(try await leases.acquire("digest", owner: "b", at: later(62_000), expiresAt: later(120_000)), "an expired lease is taken over")
            #expect(try await leases.holder(of: "digest", at: later(63_000)) == "b")
            try await leases.release("digest", owner: "a")
            #expect(try await leases.holder(of: "digest", at: later(63_000)) == "b", "only the holder releases")
            try await leases.release("digest", owner: "b")
            #expect(try await leases.holder(of: "digest", at: later(63_000)) == nil)
        }
    }

    @Test(arguments: TestEngine.allCases) func concurrentLeaseRequestsHaveExactlyOneWinner(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database async throws in
            let leases = JobLeases(database: database)
            let winners = try await withThrowingTaskGroup(of: Bool.self) { group in
                for owner in 0..<20 {
                    group.addTask { try await leases.acquire("compose", owner: "instance-\(owner)", at: now, expiresAt: later(60_000)) }
                }
                return try await group.reduce(0) { $0 + ($1 ? 1 : 0) }
            }
            #expect(winners == 1)
        }
    }

    @Test(arguments: TestEngine.allCases) func anExclusiveLockHasOneHolderAtATime(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database async throws in
            let holding = AsyncStream<Void>.makeStream()
            let finish = AsyncStream<Void>.makeStream()
            async let first: Bool? = database.withExclusiveLock("outbox-sender") {
                holding.continuation.yield()
                for await _ in finish.stream { break }
                return true
            }
            for await _ in holding.stream { break }
            #expect(try await database.withExclusiveLock("outbox-sender") { true } == nil, "taken while the first holds it")
            #expect(try await database.withExclusiveLock("other-job") { true } == true, "locks are per name")
            finish.continuation.yield()
            #expect(try await first == true)
            #expect(try await database.withExclusiveLock("outbox-sender") { true } == true, "free again once released")
        }
    }

    @Test func instancesStartingTogetherApplyEachMigrationOnce() async throws {
        try await TestDatabase.withPostgres(pool: 12) { database in
            let applied = try await withThrowingTaskGroup(of: [Int].self) { group in
                for _ in 0..<4 {
                    group.addTask { try await Migrator(database: database).migrate().map(\.version) }
                }
                return try await group.reduce(into: [Int]()) { $0 += $1 }
            }
            #expect(applied.sorted() == Migrations.all.map(\.version))
            #expect(try await Migrator(database: database).appliedVersions() == Migrations.all.map(\.version))
        }
    }

    @Test func aStatementPastTheTimeoutFailsAsATimeoutAndTheConnectionStaysUsable() async throws {
        var settings = try TestDatabase.serverSettings()
        settings.statementTimeout = .milliseconds(200)
        try await PostgresDatabase.with(settings) { database in
            await #expect(throws: SQLError.self) { try await database.query("SELECT pg_sleep(2)") }
            do {
                _ = try await database.query("SELECT pg_sleep(2)")
            } catch let error as SQLError {
                #expect(error.isTemporary, "a timeout is answered with 503, not 500")
                guard case .timeout = error else { throw error }
            }
            #expect(try await database.query("SELECT 1 AS one").first?.int("one") == 1)
        }
    }

    @Test func noServerMeansUnavailableWithinTheAcquireTimeoutNotAHang() async throws {
        let closed = try PostgresSettings(url: "postgres://nobody@127.0.0.1:1/none?acquire_timeout=0.5&connect_timeout=0.5")
        try await PostgresDatabase.with(closed) { database in
            do {
                _ = try await database.query("SELECT 1")
                Issue.record("a query without a server succeeded")
            } catch let error as SQLError {
                guard case .unavailable(let message) = error else { throw error }
                #expect(message.contains("no database connection within"))
            }
        }
    }

    @Test func databaseURLsAreParsedWithTheirOptions() throws {
        let settings = try PostgresSettings(
            url: "postgresql://app:s%40cret@db.internal:5433/papers?pool=7&acquire_timeout=1.5&statement_timeout=0&schema=site_2")
        #expect(settings.host == "db.internal" && settings.port == 5433 && settings.username == "app" && settings.database == "papers")
        #expect(settings.password == "s@cret" && settings.maximumConnections == 7 && settings.schema == "site_2")
        #expect(settings.acquireTimeout == .milliseconds(1500) && settings.statementTimeout == nil)
        #expect(settings.redacted == "postgres://app:***@db.internal:5433/papers?schema=site_2")
        #expect(throws: PostgresSettings.InvalidURL.self) { try PostgresSettings(url: "postgres://app@db/papers?schema=a;drop") }
        #expect(throws: PostgresSettings.InvalidURL.self) { try PostgresSettings(url: "postgres://app@db/papers?statement_timeout=soon") }
    }
}
