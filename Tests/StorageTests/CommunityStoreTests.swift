import PapersCore
import Storage
import TestSupport
import Testing

@Suite struct CommunityStoreTests {
    let now = Timestamp(day: Day(iso: "2025-11-05") ?? Day(daysSinceEpoch: 0))

    func member(_ store: CommunityStores, _ name: String) async throws -> User {
        try await store.users.createUser(NewUser(username: name, email: "\(name)@example.org", passwordHash: "x"), at: now)
    }

    @Test(arguments: TestEngine.allCases) func reimportingASourceRecordKeepsCommunityVotesAndComments(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database async throws in
            let papers = SQLPaperStore(database: database)
            let community = CommunityStores(database: database)
            _ = try await papers.apply([SamplePapers.update(SamplePapers.paper("2511.00001", upvotes: 10))], at: now)
            let alice = try await member(community, "alice")
            #expect(
                try await community.votes.setVote(userId: alice.id, paperId: "2511.00001", upvoted: true, at: now)
                    == VoteResult(upvotes: 11, upvoted: true))
            _ = try await community.comments.addComment(paperId: "2511.00001", parentId: nil, userId: alice.id, body: "hi", at: now)

            // The source now says 12 upvotes: the page shows 12 + the member's vote, and the import counts one update.
            let counts = try await papers.apply([SamplePapers.update(SamplePapers.paper("2511.00001", upvotes: 12))], at: now)
            #expect(counts == ApplyCounts(updated: 1))
            let shown = try await papers.paper(id: "2511.00001")
            #expect(shown?.upvotes == 13 && shown?.numComments == 1)
            // The same record again changes nothing, and export writes the source's own counts.
            #expect(
                try await papers.apply([SamplePapers.update(SamplePapers.paper("2511.00001", upvotes: 12))], at: now) == ApplyCounts(unchanged: 1))
            #expect(try await papers.papersInIdOrder(after: nil, limit: 10).first?.upvotes == 12)
        }
    }

    @Test(arguments: TestEngine.allCases) func deletingAnAccountWithdrawsItsVotesAndBlanksItsComments(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database async throws in
            let papers = SQLPaperStore(database: database)
            let community = CommunityStores(database: database)
            _ = try await papers.apply([SamplePapers.update(SamplePapers.paper("2511.00001", upvotes: 1, submitter: "leaver"))], at: now)
            let leaver = try await member(community, "leaver")
            let stayer = try await member(community, "stayer")
            _ = try await community.votes.setVote(userId: leaver.id, paperId: "2511.00001", upvoted: true, at: now)
            _ = try await community.votes.setVote(userId: stayer.id, paperId: "2511.00001", upvoted: true, at: now)
            let parent = try await community.comments.addComment(paperId: "2511.00001", parentId: nil, userId: leaver.id, body: "mine", at: now)
            _ = try await community.comments.addComment(paperId: "2511.00001", parentId: parent.id, userId: stayer.id, body: "reply", at: now)

            try await community.users.deleteUser(id: leaver.id, at: now)
            let paper = try await papers.paper(id: "2511.00001")
            #expect(paper?.upvotes == 2 && paper?.numComments == 1 && paper?.submittedBy == nil && paper?.featuredOn != nil)
            let comments = try await community.comments.comments(paperId: "2511.00001")
            #expect(comments.count == 2)
            #expect(comments[0].deleted && comments[0].body.isEmpty && comments[0].author == nil)
            #expect(comments[1].body == "reply" && comments[1].author == "stayer")
            #expect(try await community.users.user(named: "leaver") == nil)
        }
    }

    @Test(arguments: TestEngine.allCases) func hiddenPapersLeaveEveryListingAndComeBack(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database async throws in
            let papers = SQLPaperStore(database: database)
            let community = CommunityStores(database: database)
            _ = try await papers.apply(
                ["2511.00001", "2511.00002"].map { SamplePapers.update(SamplePapers.paper($0, featured: "2025-11-03")) }, at: now)
            try await community.moderation.hidePaper(id: "2511.00002", reason: .spam, moderator: "mod", at: now)
            #expect(try await papers.paper(id: "2511.00002") == nil)
            #expect(try await papers.featuredPapers(FeedQuery()).map(\.id) == ["2511.00001"])
            #expect(try await papers.countFeaturedPapers(FeedQuery()) == 1)
            #expect(try await papers.papersByPublication(after: nil, limit: 10).map(\.id) == ["2511.00001"])
            #expect(try await community.moderation.moderationLog(limit: 10).first?.action == .hidePaper)
            // Import still sees it (no duplicate is created), export still writes it.
            #expect(
                try await papers.apply([SamplePapers.update(SamplePapers.paper("2511.00002", featured: "2025-11-03"))], at: now)
                    == ApplyCounts(unchanged: 1))
            #expect(try await papers.papersInIdOrder(after: nil, limit: 10).count == 2)
            try await community.moderation.showPaper(id: "2511.00002", moderator: "mod", at: now)
            #expect(try await papers.featuredPapers(FeedQuery()).count == 2)
        }
    }

    @Test(arguments: TestEngine.allCases) func accountLinksWorkOnceAndExpire(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database async throws in
            let community = CommunityStores(database: database)
            let user = try await member(community, "linker")
            let expires = Timestamp(millisecondsSinceEpoch: now.millisecondsSinceEpoch + 1000)
            try await community.sessions.createAccountToken(idHash: "h1", userId: user.id, purpose: .resetPassword, at: now, expiresAt: expires)
            #expect(try await community.sessions.consumeAccountToken(idHash: "h1", purpose: .verifyEmail, now: now) == nil)
            #expect(try await community.sessions.consumeAccountToken(idHash: "h1", purpose: .resetPassword, now: now)?.userId == user.id)
            #expect(try await community.sessions.consumeAccountToken(idHash: "h1", purpose: .resetPassword, now: now) == nil)
            try await community.sessions.createAccountToken(idHash: "h2", userId: user.id, purpose: .resetPassword, at: now, expiresAt: expires)
            #expect(try await community.sessions.consumeAccountToken(idHash: "h2", purpose: .resetPassword, now: expires) == nil)
        }
    }

    @Test(arguments: TestEngine.allCases) func concurrentVotesByOneMemberCountOnce(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database async throws in
            let papers = SQLPaperStore(database: database)
            let community = CommunityStores(database: database)
            _ = try await papers.apply([SamplePapers.update(SamplePapers.paper("2511.00001", upvotes: 10))], at: now)
            let alice = try await member(community, "alice")
            for upvoted in [true, false] {
                try await withThrowingTaskGroup(of: VoteResult.self) { group in
                    for _ in 0..<40 {
                        group.addTask { try await community.votes.setVote(userId: alice.id, paperId: "2511.00001", upvoted: upvoted, at: now) }
                    }
                    for try await result in group { #expect(result.upvoted == upvoted) }
                }
                #expect(try await papers.paper(id: "2511.00001")?.upvotes == (upvoted ? 11 : 10))
            }
        }
    }

    @Test(arguments: TestEngine.allCases) func votesOnUnknownOrHiddenPapersAreRefusedAndChangeNothing(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database async throws in
            let papers = SQLPaperStore(database: database)
            let community = CommunityStores(database: database)
            _ = try await papers.apply([SamplePapers.update(SamplePapers.paper("2511.00001", upvotes: 10))], at: now)
            let alice = try await member(community, "alice")
            await #expect(throws: CommunityError.self) {
                try await community.votes.setVote(userId: alice.id, paperId: "2511.09999", upvoted: true, at: now)
            }
            #expect(
                try await community.votes.setVote(userId: alice.id, paperId: "2511.00001", upvoted: true, at: now)
                    == VoteResult(upvotes: 11, upvoted: true))
            try await community.moderation.hidePaper(id: "2511.00001", reason: .spam, moderator: "mod", at: now)
            await #expect(throws: CommunityError.self) {
                try await community.votes.setVote(userId: alice.id, paperId: "2511.00001", upvoted: false, at: now)
            }
            let bob = try await member(community, "bob")
            await #expect(throws: CommunityError.self) {
                try await community.votes.setVote(userId: bob.id, paperId: "2511.00001", upvoted: true, at: now)
            }
            let rows = try await database.query("SELECT COUNT(*) AS n FROM votes")
            #expect(try rows.first?.int("n") == 1, "alice's vote stays, bob's never lands")
            try await community.moderation.showPaper(id: "2511.00001", moderator: "mod", at: now)
            #expect(try await papers.paper(id: "2511.00001")?.upvotes == 11)
        }
    }
}
