import Community
import PapersCore
import Storage
import TestSupport
import Testing

/// Comments through the service: threads one level deep, editing by the author within the window, deleting.
@Suite struct CommentServiceTests {
    @Test func authorsEditWithinTheWindowAndOthersCannot() async throws {
        try await TemporaryDatabase.with { temporary in
            let site = try await ServiceFixtures(temporary, papers: [SamplePapers.paper("2511.00001")])
            let (ann, bob) = (try await site.member("ann"), try await site.member("bob"))
            let comments = site.comments
            let question = try await comments.post(on: "2511.00001", replyingTo: nil, body: "Does it *scale*?", by: ann)
            let answer = try await comments.post(on: "2511.00001", replyingTo: question.id, body: "Yes.", by: bob)
            await #expect(throws: CommunityError.self, "threads are one level deep") {
                try await comments.post(on: "2511.00001", replyingTo: answer.id, body: "Sure?", by: ann)
            }
            await #expect(throws: CommunityError.self, "an empty body") {
                try await comments.post(on: "2511.00001", replyingTo: nil, body: "  ", by: ann)
            }
            await #expect(throws: CommunityError.self, "an unknown paper") {
                try await comments.post(on: "2511.99999", replyingTo: nil, body: "Hi", by: ann)
            }
            await #expect(throws: CommunityError.self, "only the author edits") { try await comments.edit(question.id, body: "Mine now", by: bob) }
            site.clock.advance(minutes: 10)
            #expect(try await comments.edit(question.id, body: "Does it scale to 1M?", by: ann).body == "Does it scale to 1M?")
            site.clock.advance(minutes: 10)
            await #expect(throws: CommunityError.self, "the edit window has closed") { try await comments.edit(question.id, body: "Late", by: ann) }
            _ = try await comments.delete(question.id, by: ann)
            let thread = try await comments.thread(of: "2511.00001")
            #expect(thread.map(\.id) == [question.id, answer.id], "the reply stays under the deleted comment")
            #expect(thread[0].deleted && thread[0].body.isEmpty && thread[1].body == "Yes.")
        }
    }
}
