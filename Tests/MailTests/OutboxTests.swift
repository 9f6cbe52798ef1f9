import Foundation
import Logging
import PapersCore
import Storage
import TestSupport
import Testing

@testable import Mail

@Suite struct OutboxTests {
    let now = Timestamp(iso: "2026-08-21T22:00:00Z") ?? Timestamp(millisecondsSinceEpoch: 0)

    func subscriber(_ store: SQLMailStore, _ email: String) async throws -> Subscriber {
        _ = try await store.importConfirmed([(email, .daily, [])], at: now)
        return try #require(try await store.subscriber(email: email))
    }

    @Test(arguments: TestEngine.allCases) func enqueuingIsIdempotentPerKey(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database async throws in
            let store = SQLMailStore(database: database)
            let reader = try await subscriber(store, "reader@example.org")
            let message = OutboxMessage(
                key: "daily:2026-08-21:\(reader.id)", subscriberId: reader.id, recipient: reader.email, kind: "digest", edition: "daily:2026-08-21",
                message: "x")
            #expect(try await store.enqueue([message, message], at: now) == 1)
            #expect(try await store.enqueue([message], at: now) == 0)
            #expect(try await store.dueMessages(at: now, limit: 10).count == 1)
        }
    }

    @Test(arguments: TestEngine.allCases) func repeatedHardBouncesStopMailToAnAddress(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database async throws in
            let store = SQLMailStore(database: database)
            let reader = try await subscriber(store, "bouncing@example.org")
            for day in 1...OutboxSender.bounceLimit {
                let key = "daily:2026-08-0\(day):\(reader.id)"
                try await store.enqueue(
                    [OutboxMessage(key: key, subscriberId: reader.id, recipient: reader.email, kind: "digest", edition: nil, message: "x")], at: now)
                let due = try #require(try await store.dueMessages(at: now, limit: 1).first)
                try await store.markFailed(
                    id: due.id, subscriberId: reader.id, error: "550 no such user", bounceLimit: OutboxSender.bounceLimit, at: now)
            }
            #expect(try await store.subscriber(id: reader.id)?.status == .bounced)
            #expect(try await store.confirmedSubscribers(frequency: .daily, after: 0, limit: 10).isEmpty)
        }
    }

    @Test(arguments: TestEngine.allCases) func unsubscribingCancelsWhatIsStillQueued(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database async throws in
            let store = SQLMailStore(database: database)
            let reader = try await subscriber(store, "leaving@example.org")
            try await store.enqueue(
                [OutboxMessage(key: "k", subscriberId: reader.id, recipient: reader.email, kind: "digest", edition: nil, message: "x")], at: now)
            #expect(try await store.unsubscribe(id: reader.id, at: now))
            #expect(try await store.dueMessages(at: now, limit: 10).isEmpty)
            #expect(try await store.outboxCounts()["cancelled"] == 1)
        }
    }

    @Test func retriesBackOffUpToADay() {
        #expect(OutboxSender.retryTime(after: now, attempts: 0).millisecondsSinceEpoch - now.millisecondsSinceEpoch == 60_000)
        #expect(OutboxSender.retryTime(after: now, attempts: 2).millisecondsSinceEpoch - now.millisecondsSinceEpoch == 960_000)
        #expect(OutboxSender.retryTime(after: now, attempts: 9).millisecondsSinceEpoch - now.millisecondsSinceEpoch == 86_400_000)
    }

    @Test(arguments: TestEngine.allCases) func theSchedulerComposesEachDaysEditionsOnceAfterTheDigestTime(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database async throws in
            let store = SQLMailStore(database: database)
            let papers = SQLPaperStore(database: database)
            _ = try await subscriber(store, "daily@example.org")
            let friday = try #require(Day(iso: "2026-08-21"))
            _ = try await papers.apply([SamplePapers.update(SamplePapers.paper("2608.00001", featured: "2026-08-21", upvotes: 3))], at: now)
            let setup = try await MailSetup(
                smtpURL: "smtp://127.0.0.1:1", from: "papers@example.org", siteURL: "http://127.0.0.1", unsubscribeMailbox: nil, store: store)
            let publisher = DigestPublisher(papers: papers, mail: store, composer: setup.composer)
            let sender = OutboxSender(
                store: store, settings: try #require(setup.smtp), envelopeSender: setup.sender.address, clock: { now }, logger: Logger(label: "test"))
            func service(at time: String) throws -> MailService {
                let instant = try #require(Timestamp(iso: time))
                return try MailService(
                    publisher: publisher, sender: sender, store: store, digestTime: "21:00", retentionDays: 30, clock: { instant },
                    logger: Logger(label: "test"))
            }
            try await service(at: "2026-08-21T20:59:00Z").composeDueEditions()
            #expect(try await store.outboxCounts().isEmpty, "nothing before the digest time")
            try await service(at: "2026-08-21T21:01:00Z").composeDueEditions()
            #expect(try await store.outboxCounts() == ["pending": 1])
            try await service(at: "2026-08-21T23:00:00Z").composeDueEditions()
            #expect(try await store.outboxCounts() == ["pending": 1], "once a day")
            #expect(try await store.setting("digest_composed_on") { "" } == friday.description)
            #expect(throws: MailService.InvalidDigestTime.self) { try MailService.minuteOfDay("25:00") }
        }
    }

    @Test(arguments: TestEngine.allCases) func aHiddenPaperLeavesTheDigestEdition(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database async throws in
            let store = SQLMailStore(database: database)
            let papers = SQLPaperStore(database: database)
            let updates = ["2608.00001", "2608.00002"].map { SamplePapers.update(SamplePapers.paper($0, featured: "2026-08-21", upvotes: 3)) }
            _ = try await papers.apply(updates, at: now)
            let setup = try await MailSetup(
                smtpURL: nil, from: "papers@example.org", siteURL: "http://127.0.0.1", unsubscribeMailbox: nil, store: store)
            let publisher = DigestPublisher(papers: papers, mail: store, composer: setup.composer)
            let day = try #require(Day(iso: "2026-08-21"))
            #expect(try await publisher.edition(.daily(day)).papers.count == 2)
            try await CommunityStores(database: database).moderation.hidePaper(id: "2608.00002", reason: .spam, moderator: "mod", at: now)
            #expect(try await publisher.edition(.daily(day)).papers.map(\.id) == ["2608.00001"])
        }
    }
}
