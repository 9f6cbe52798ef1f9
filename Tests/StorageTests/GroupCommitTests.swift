import PapersCore
import Storage
import TestSupport
import Testing

@Suite struct GroupCommitTests {
    struct Refused: Error {}

    @Test func concurrentTransactionsCommitTogetherAndAFailingOneLeavesNothing() async throws {
        try await TemporaryDatabase.with { temporary async throws in
            let database = temporary.database
            let outcomes = try await withThrowingTaskGroup(of: (Int, Bool).self) { group in
                for index in 0..<200 {
                    group.addTask {
                        do {
                            let stored = try await database.transaction { connection in
                                try await connection.execute("INSERT INTO settings (key, value) VALUES (\("k\(index)"), \("v\(index)"))")
                                // Every seventh transaction fails after writing: its row must not survive.
                                if index % 7 == 0 { throw Refused() }
                                return try await connection.query("SELECT value FROM settings WHERE key = \("k\(index)")").first?.string("value")
                            }
                            return (index, stored == "v\(index)")
                        } catch is Refused {
                            return (index, false)
                        }
                    }
                }
                return try await group.reduce(into: [Int: Bool]()) { $0[$1.0] = $1.1 }
            }
            #expect(outcomes.count == 200)
            #expect(outcomes.allSatisfy { $0.value == ($0.key % 7 != 0) })
            let keys = Set(try await database.query("SELECT key FROM settings").map { try $0.string("key") })
            #expect(keys == Set((0..<200).filter { $0 % 7 != 0 }.map { "k\($0)" }))
        }
    }

    @Test func aConstraintViolationFailsOnlyItsOwnTransaction() async throws {
        try await TemporaryDatabase.with { temporary async throws in
            let database = temporary.database
            try await database.execute("INSERT INTO settings (key, value) VALUES ('taken', 'first')")
            let duplicate = Task {
                try await database.transaction { connection in
                    try await connection.execute("INSERT INTO settings (key, value) VALUES ('other', 'x')")
                    try await connection.execute("INSERT INTO settings (key, value) VALUES ('taken', 'second')")
                }
            }
            let fine = Task { try await database.transaction { try await $0.execute("INSERT INTO settings (key, value) VALUES ('fine', 'y')") } }
            await #expect(throws: SQLError.self) { try await duplicate.value }
            #expect(try await fine.value == 1)
            let rows = try await database.query("SELECT key, value FROM settings ORDER BY key").map {
                "\(try $0.string("key"))=\(try $0.string("value"))"
            }
            #expect(rows == ["fine=y", "taken=first"])
        }
    }
}
