import Community
import PapersCore
import Storage
import TestSupport
import Testing

/// Upvotes through the service: any spelling of the id, idempotent, one count per member.
@Suite struct VoteServiceTests {
    static let now = Timestamp(iso: "2025-11-05T12:00:00.000Z") ?? Timestamp(millisecondsSinceEpoch: 0)

    @Test func votesCountOncePerMemberWhateverTheSpellingOfTheId() async throws {
        try await TemporaryDatabase.with { temporary in
            _ = try await temporary.store.apply([SamplePapers.update(SamplePapers.paper("2511.00001", upvotes: 7))], at: Self.now)
            let store = CommunityStores(database: temporary.database)
            let votes = VoteService(store: store.votes, clock: { Self.now })
            let ann = try await store.users.createUser(NewUser(username: "ann", email: "ann@example.org", passwordHash: "x"), at: Self.now)
            #expect(try await votes.vote("2511.00001", upvoted: true, by: ann) == VoteResult(upvotes: 8, upvoted: true))
            #expect(try await votes.vote("2511.00001v2", upvoted: true, by: ann) == VoteResult(upvotes: 8, upvoted: true))
            #expect(try await votes.upvotedIds(of: ann, among: ["2511.00001", "2511.00002"]) == ["2511.00001"])
            #expect(try await votes.vote("2511.00001", upvoted: false, by: ann) == VoteResult(upvotes: 7, upvoted: false))
            await #expect(throws: CommunityError.self) { try await votes.vote("2511.99999", upvoted: true, by: ann) }
        }
    }
}
