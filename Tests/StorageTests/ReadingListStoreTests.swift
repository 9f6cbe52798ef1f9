import PapersCore
import Storage
import TestSupport
import Testing

/// Reading lists on both engines: saving twice keeps one entry, filters, read state, notes, and an account's
/// deletion takes its list with it.
@Suite struct ReadingListStoreTests {
    let now = Timestamp(day: Day(iso: "2025-11-05") ?? Day(daysSinceEpoch: 0))

    @Test(arguments: TestEngine.allCases) func savedPapersFilterAndLeaveWithTheAccount(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database async throws in
            let users = SQLUserStore(database: database)
            let store = SQLReadingListStore(database: database)
            let alice = try await users.createUser(NewUser(username: "alice", email: "alice@example.org", passwordHash: "x"), at: now)
            var plain = SamplePapers.paper("2511.00001")
            plain.abstract = "No code anywhere."
            _ = try await SQLPaperStore(database: database).apply(
                [SamplePapers.update(plain), SamplePapers.update(SamplePapers.paper("2511.00002"))], at: now)
            #expect(try await store.setSaved(true, userId: alice.id, paperId: "2511.00001", at: now))
            #expect(try await store.setSaved(true, userId: alice.id, paperId: "2511.00001", at: now))
            #expect(try await store.setSaved(true, userId: alice.id, paperId: "2511.00002", at: now))
            #expect(try await store.counts(userId: alice.id) == (2, 2))
            #expect(try await store.setRead(true, userId: alice.id, paperId: "2511.00002", at: now))
            #expect(try await store.setNote("mine", userId: alice.id, paperId: "2511.00001"))
            #expect(try await !store.setNote("not saved", userId: alice.id, paperId: "2511.00009"))
            let unread = try await store.entries(userId: alice.id, filter: ReadingListFilter(state: .unread), limit: 10)
            #expect(unread.map(\.paperId) == ["2511.00001"] && unread.first?.note == "mine")
            #expect(try await store.entries(userId: alice.id, filter: ReadingListFilter(hasCode: true), limit: 10).map(\.paperId) == ["2511.00002"])
            #expect(try await store.savedIds(userId: alice.id, among: ["2511.00002", "2511.00009"]) == ["2511.00002"])
            // A hidden paper leaves every view of the list, with a paper filter (a join) or without.
            try await SQLModerationStore(database: database).hidePaper(id: "2511.00002", reason: .spam, moderator: "mod", at: now)
            #expect(try await store.counts(userId: alice.id) == (1, 1))
            #expect(try await store.ids(userId: alice.id, filter: ReadingListFilter()) == ["2511.00001"])
            #expect(try await store.entries(userId: alice.id, filter: ReadingListFilter(hasCode: true), limit: 10).isEmpty)
            _ = try await database.execute("UPDATE papers SET hidden_reason = NULL")
            #expect(try await !store.setSaved(false, userId: alice.id, paperId: "2511.00001", at: now))
            #expect(try await store.counts(userId: alice.id) == (1, 0))
            try await users.deleteUser(id: alice.id, at: now)
            #expect(try await database.query("SELECT paper_id FROM saved_papers").isEmpty)
        }
    }
}
