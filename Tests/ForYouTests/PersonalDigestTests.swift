import ForYou
import Foundation
import Mail
import PapersCore
import Storage
import TestSupport
import Testing

/// A week of personal digests on arXiv's calendar, Thanksgiving 2026 included: a paper is never mailed twice,
/// nothing goes out on the quiet days and the morning after the holiday, a member with nothing personal gets no mail,
/// and the general digest skips a member whose personal digest replaces it.
@Suite struct PersonalDigestTests {
    let calendar = ArxivCalendar(holidays: [Day(iso: "2026-11-26") ?? Day(daysSinceEpoch: 0): "Thanksgiving Day"])

    func at(_ day: String, hour: Int = 12) -> Timestamp {
        Timestamp(iso: "\(day)T\(hour):00:00Z") ?? Timestamp(millisecondsSinceEpoch: 0)
    }

    func papers() -> [Paper] {
        (23...27).flatMap { day -> [Paper] in
            var followed = SamplePapers.paper("2611.000\(day)", title: "Grace's paper of Nov \(day)", featured: "2026-11-\(day)", upvotes: 2)
            followed.authors = ["Grace Hopper"]
            let other = SamplePapers.paper("2611.001\(day)", title: "Someone else's paper of Nov \(day)", featured: "2026-11-\(day)", upvotes: 90)
            return [followed, other]
        }
    }

    func composer() throws -> DigestComposer {
        DigestComposer(
            siteURL: "https://papers.example.org", sender: .init(name: "Daily Papers", address: try EmailAddress("papers@example.org")),
            signer: LinkSigner(secret: "a-test-secret-of-reasonable-length-000"))
    }

    @Test(arguments: TestEngine.allCases) func aWeekOfPersonalDigests(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database async throws in
            let start = at("2026-11-20")
            _ = try await SQLPaperStore(database: database).apply(papers().map(SamplePapers.update), at: start)
            let users = SQLUserStore(database: database)
            let digests = SQLPersonalDigestStore(database: database)
            var members: [User] = []
            for name in ["alice", "bob"] {
                let member = try await users.createUser(NewUser(username: name, email: "\(name)@example.org", passwordHash: "x"), at: start)
                try await users.markEmailVerified(userId: member.id, at: start)
                try await digests.setPersonalDigest(.daily, userId: member.id, at: start)
                members.append(member)
            }
            _ = try await SQLFollowStore(database: database).follow(
                try FollowRules.follow(kind: "author", value: "Grace Hopper"), userId: members[0].id, at: start)
            var sentDays: [String] = []
            for day in 22...29 {
                let now = at("2026-11-\(day)")
                let forYou = ForYouService(stores: .init(database: database), meaning: nil, clock: { now })
                let publisher = PersonalDigestPublisher(
                    forYou: forYou, digests: digests, papers: SQLPaperStore(database: database), composer: try composer(), calendar: calendar)
                let summary = try await publisher.compose(dueOn: now.day, now: now)
                let again = try await publisher.compose(dueOn: now.day, now: now)
                #expect(again.queued == 0, "composing a day twice sends nothing twice")
                if summary.queued > 0 { sentDays.append("\(day)") }
                #expect(summary.queued <= 1, "bob follows nothing and has read nothing: \(summary)")
            }
            #expect(sentDays == ["23", "24", "25", "26"], "weekdays after an announcement; not the 27th, after Thanksgiving")
            let rows = try await database.query("SELECT paper_id, edition FROM personal_digest_papers ORDER BY edition, paper_id")
            let sent = try rows.map { try $0.string("paper_id") }
            #expect(Set(sent).count == sent.count, "no paper twice")
            #expect(Set(sent) == Set((23...26).map { "2611.000\($0)" }), "Grace's papers only, each once: \(sent)")
            let messages = try await database.query("SELECT recipient, message FROM outbox WHERE kind = 'digest'")
            #expect(try messages.allSatisfy { try $0.string("recipient") == "alice@example.org" })
            let first = try #require(try messages.first?.string("message"))
            #expect(first.contains("Why: by Grace Hopper, whom you follow") && first.contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click"))
        }
    }

    @Test(arguments: TestEngine.allCases) func thePersonalDigestReplacesTheGeneralOne(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database async throws in
            let now = at("2026-11-24")
            _ = try await SQLPaperStore(database: database).apply(papers().map(SamplePapers.update), at: now)
            let mail = SQLMailStore(database: database)
            let digests = SQLPersonalDigestStore(database: database)
            _ = try await mail.importConfirmed([("Alice@Example.org", .daily, []), ("carol@example.org", .daily, [])], at: now)
            let alice = try await SQLUserStore(database: database).createUser(
                NewUser(username: "alice", email: "alice@example.org", passwordHash: "x"), at: now)
            try await digests.setPersonalDigest(.weekly, userId: alice.id, at: now)
            let publisher = DigestPublisher(papers: SQLPaperStore(database: database), mail: mail, composer: try composer(), calendar: calendar)
            let summary = try await publisher.compose(try await publisher.edition(.daily(now.day)), now: now)
            #expect(summary.queued == 1 && summary.personalInstead == 1, "\(summary)")
            try await digests.setPersonalDigest(nil, userId: alice.id, at: now)
            #expect(try await digests.personalDigest(userId: alice.id) == nil)
        }
    }
}
