import PapersCore
import Storage
import Testing
import TestSupport

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
}
