import PapersCore
import Storage
import TestSupport
import Testing

/// The paper change log on both engines: written by triggers for text and visibility changes, never for votes.
@Suite struct PaperChangesTests {
    let now = Timestamp(iso: "2026-08-21T21:00:00Z") ?? Timestamp(millisecondsSinceEpoch: 0)

    func changedIds(_ store: SQLPaperStore, after seq: Int64) async throws -> [String] {
        try await store.changeLog.changes(after: seq, limit: 100).map(\.paperId)
    }

    @Test(arguments: TestEngine.allCases) func textAndVisibilityChangesAreLoggedVotesAreNot(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database async throws in
            let store = SQLPaperStore(database: database)
            let community = CommunityStores(database: database)
            var first = SamplePapers.update(SamplePapers.paper("2608.00001", title: "First"))
            _ = try await store.apply([first, SamplePapers.update(SamplePapers.paper("2608.00002", title: "Second"))], at: now)
            #expect(try await changedIds(store, after: 0) == ["2608.00001", "2608.00002"])
            var seq = try await store.changeLog.latestChangeSeq()

            first.paper.upvotes = 99
            _ = try await store.apply([first], at: now)
            let user = try await community.users.createUser(NewUser(username: "ada", email: "ada@example.org", passwordHash: "x"), at: now)
            _ = try await community.votes.setVote(userId: user.id, paperId: "2608.00001", upvoted: true, at: now)
            #expect(try await changedIds(store, after: seq) == [], "upvotes change no text")

            first.paper.title = "First, retitled"
            _ = try await store.apply([first], at: now)
            try await community.moderation.hidePaper(id: "2608.00002", reason: .spam, moderator: "mod", at: now)
            try await community.moderation.showPaper(id: "2608.00002", moderator: "mod", at: now)
            #expect(try await changedIds(store, after: seq) == ["2608.00001", "2608.00002", "2608.00002"])
            seq = try await store.changeLog.latestChangeSeq()
            #expect(try await store.changeLog.changes(after: 0, retrying: [seq], limit: 1).map(\.seq) == [1], "in order, retried numbers included")
            #expect(try await store.changeLog.searchablePapers(ids: ["2608.00001", "2608.00009"]).map(\.title) == ["First, retitled"])
        }
    }
}
