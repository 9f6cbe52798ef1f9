import Arxiv
import Community
import Foundation
import PapersCore
import Storage
import TestSupport
import Testing

/// Submissions through the service when arXiv is slow: the member waits no longer than the look-up's deadline.
@Suite struct SubmissionServiceTests {
    @Test func aSlowArxivIsA503WithinTheDeadlineAndNothingIsStored() async throws {
        let arxiv = RecordedArxiv()
        arxiv.answer("2511.01002", with: [.init(body: RecordedArxiv.emptyFeed, delay: .seconds(20))])
        try await TemporaryDatabase.with { temporary in
            let site = try await ServiceFixtures(temporary)
            let ann = try await site.member("ann")
            try await arxiv.serve { endpoint in
                let client = ArxivClient(
                    settings: ArxivClientSettings(endpoint: endpoint, minimumInterval: .zero, maxAttempts: 1, timeout: .seconds(30)))
                let submissions = SubmissionService(
                    papers: temporary.store, submissions: site.stores.submissions, arxiv: client, policy: SubmissionPolicy(dailyCapPerUser: 3),
                    clock: site.clock.reading, lookupDeadline: .seconds(1)
                )
                let started = ContinuousClock.now
                do {
                    _ = try await submissions.submit("2511.01002", by: ann)
                    Issue.record("a look-up past its deadline succeeded")
                } catch let error as CommunityError {
                    #expect(error.kind == .unavailable && error.message.contains("arXiv did not answer within 1 s"))
                }
                // Well before arXiv answers, with room for a machine busy with the rest of the suite.
                #expect(ContinuousClock.now - started < .seconds(10), "the member is answered at the deadline, not when arXiv answers")
                #expect(try await temporary.store.paper(id: "2511.01002") == nil)
            }
        }
    }
}
