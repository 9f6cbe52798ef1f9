import Foundation
import PapersCore
import Presentation
import Storage
import Testing

@testable import Mail

@Suite struct LinkSignerTests {
    let signer = LinkSigner(secret: "a-test-secret-of-reasonable-length-000")
    let now = Timestamp(iso: "2026-08-21T21:00:00Z") ?? Timestamp(millisecondsSinceEpoch: 0)

    @Test func aTokenNamesItsSubscriberAndPurpose() throws {
        let token = signer.token(.unsubscribe, subscriberId: 42, email: "reader@example.org")
        #expect(try signer.verify(token, purpose: .unsubscribe, now: now) == .init(subscriberId: 42, email: "reader@example.org"))
        #expect(throws: LinkSigner.Invalid.wrongPurpose) { try signer.verify(token, purpose: .manage, now: now) }
    }

    @Test func forgedAlteredAndExpiredTokensAreRefused() throws {
        let token = signer.token(
            .confirm, subscriberId: 7, email: "a@example.org", expires: Timestamp(millisecondsSinceEpoch: now.millisecondsSinceEpoch + 1000))
        #expect(throws: LinkSigner.Invalid.forged) {
            try LinkSigner(secret: "another-secret-entirely-0000000000").verify(token, purpose: .confirm, now: now)
        }
        let parts = token.split(separator: ".")
        let otherPayload = signer.token(.confirm, subscriberId: 8, email: "a@example.org").split(separator: ".")[0]
        #expect(throws: LinkSigner.Invalid.forged) { try signer.verify("\(otherPayload).\(parts[1])", purpose: .confirm, now: now) }
        #expect(throws: LinkSigner.Invalid.malformed) { try signer.verify("garbage", purpose: .confirm, now: now) }
        let later = Timestamp(millisecondsSinceEpoch: now.millisecondsSinceEpoch + 2000)
        #expect(throws: LinkSigner.Invalid.expired) { try signer.verify(token, purpose: .confirm, now: later) }
        #expect(try signer.verify(token, purpose: .confirm, now: now).subscriberId == 7)
    }
}

@Suite struct DigestEditionTests {
    @Test func dailyOnWeekdaysWeeklyOnFridays() throws {
        #expect(DigestEdition.kinds(dueOn: try #require(Day(iso: "2026-08-20"))) == [.daily(try #require(Day(iso: "2026-08-20")))])
        let friday = try #require(Day(iso: "2026-08-21"))
        #expect(DigestEdition.kinds(dueOn: friday) == [.daily(friday), .weekly(ISOWeek(containing: friday))])
        #expect(DigestEdition.kinds(dueOn: try #require(Day(iso: "2026-08-22"))).isEmpty)
        #expect(DigestEdition.kinds(dueOn: try #require(Day(iso: "2026-08-23"))).isEmpty)
    }

    @Test func theDailyEditionFollowsArxivsCalendar() throws {
        let calendar = ArxivCalendar(holidays: [try #require(Day(iso: "2026-11-26")): "Thanksgiving Day"])
        // No announcement on Thanksgiving evening, so no mailing, and no daily digest, on the Friday after it.
        let friday = try #require(Day(iso: "2026-11-27"))
        #expect(DigestEdition.kinds(dueOn: friday, calendar: calendar) == [.weekly(ISOWeek(containing: friday))])
        #expect(
            DigestEdition.kinds(dueOn: try #require(Day(iso: "2026-11-30")), calendar: calendar) == [.daily(try #require(Day(iso: "2026-11-30")))])
        #expect(
            DigestEdition.kinds(dueOn: try #require(Day(iso: "2026-11-26")), calendar: calendar).count == 1,
            "Thursday's mailing is Wednesday evening's")
    }

    @Test func topicsMatchWholeWords() {
        #expect(TopicMatch.contains("offline rl, with a twist", word: "rl"))
        #expect(!TopicMatch.contains("a new world model", word: "rl"))
        #expect(TopicMatch.contains("scaling reinforcement learning compute", word: "reinforcement learning"))
    }

    @Test func aDigestShowsAPaperAsItsCardDoes() {
        var paper = Paper(
            id: "2501.00102", arxivId: "2501.00102", title: "$\\nabla^2$DFT at scale", abstract: String(repeating: "word ", count: 200),
            authorCount: 12)
        paper.upvotes = 7
        let text = DigestText.block(paper, site: SiteAddress("https://papers.example.org"))
        #expect(text.contains("• ∇²DFT at scale") && text.contains("  • 12 authors · 7 upvotes"), "the card's title and byline")
        #expect(text.contains("  \(PaperPresentation.excerpt(paper))\n") && PaperPresentation.excerpt(paper).hasSuffix("word…"), "the card's excerpt")
        #expect(text.contains("arXiv: https://arxiv.org/abs/2501.00102"))
    }
}

@Suite struct DigestComposerTests {
    func paper(_ id: String, _ title: String, keywords: [String] = []) -> Paper {
        Paper(id: id, arxivId: id, title: title, abstract: "About \(title). More text.", authors: ["Ada Lovelace"], upvotes: 5, aiKeywords: keywords)
    }

    @Test func oneMessagePerSubscriberWithOnlyMatchingPapers() throws {
        let composer = DigestComposer(
            siteURL: "https://papers.example.org",
            sender: .init(name: "Daily Papers", address: try EmailAddress("papers@example.org")),
            signer: LinkSigner(secret: "secret-secret-secret-secret-secret"),
            unsubscribeMailbox: "unsubscribe@example.org"
        )
        let edition = DigestEdition(
            kind: .daily(try #require(Day(iso: "2026-08-21"))),
            rankedPapers: [
                paper("2608.00001", "Diffusion for video"), paper("2608.00002", "Offline RL at scale", keywords: ["reinforcement learning"]),
            ])
        let now = Timestamp(iso: "2026-08-21T21:00:00Z") ?? Timestamp(millisecondsSinceEpoch: 0)
        let everyone = Subscriber(id: 1, email: "all@example.org", frequency: .daily, topics: [], status: .confirmed)
        let message = try #require(try composer.message(for: everyone, edition: edition, now: now))
        #expect(message.key == "daily:2026-08-21:1" && message.edition == "daily:2026-08-21" && message.recipient == "all@example.org")
        #expect(message.message.contains("Subject: Daily Papers =?utf-8?B?") || message.message.contains("Subject: =?utf-8?B?"))
        #expect(message.message.contains("List-Unsubscribe: <https://papers.example.org/unsubscribe?token="))
        #expect(message.message.contains("<mailto:unsubscribe@example.org?subject=unsubscribe%20"))
        #expect(message.message.contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click"))
        #expect(message.message.contains("Diffusion for video") && message.message.contains("Offline RL at scale"))

        let narrow = Subscriber(id: 2, email: "rl@example.org", frequency: .daily, topics: ["Reinforcement Learning"], status: .confirmed)
        let filtered = try #require(try composer.message(for: narrow, edition: edition, now: now))
        #expect(filtered.message.contains("Offline RL at scale") && !filtered.message.contains("Diffusion for video"))

        let nobody = Subscriber(id: 3, email: "none@example.org", frequency: .daily, topics: ["astronomy"], status: .confirmed)
        #expect(try composer.message(for: nobody, edition: edition, now: now) == nil)
    }
}
