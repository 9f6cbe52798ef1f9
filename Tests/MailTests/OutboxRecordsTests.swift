import Foundation
import PapersCore
import Storage
import TestSupport
import Testing

@testable import Mail

/// What the outbox keeps and lets through: no account link once a mail is sent, sent mail purged after its days,
/// and on-demand mail bounded per address, per member and in all.
@Suite struct OutboxRecordsTests {
    let now = Timestamp(iso: "2026-08-21T22:00:00Z") ?? Timestamp(millisecondsSinceEpoch: 0)

    func composer(_ store: SQLMailStore) async throws -> AccountMail {
        let setup = try await MailSetup(
            smtpURL: "smtp://127.0.0.1:1", from: "papers@example.org", siteURL: "https://papers.example", unsubscribeMailbox: nil, store: store)
        return AccountMail(composer: setup.composer)
    }

    /// A message's text with quoted-printable's soft line breaks and escaped `=` undone.
    func decoded(_ message: String?) -> String {
        (message ?? "").replacingOccurrences(of: "=\r\n", with: "").replacingOccurrences(of: "=3D", with: "=")
    }

    func at(minutes: Int) -> Timestamp {
        Timestamp(millisecondsSinceEpoch: now.millisecondsSinceEpoch + Int64(minutes) * 60_000)
    }

    @Test(arguments: TestEngine.allCases) func aSentAccountMailLeavesNoLinkBehind(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database async throws in
            let store = SQLMailStore(database: database)
            let mail = try await composer(store)
            let secret = String(repeating: "ab", count: 32)
            let reset = try mail.passwordReset(username: "ada", email: "ada@example.org", userId: 7, secret: secret, now: now)
            #expect(decoded(reset.message).contains(secret) && !decoded(reset.archived).contains(secret))
            #expect(try await store.enqueue(reset, within: MailLimits(perAddress: 5, perMember: 5, total: 5), at: now) == nil)
            let queued = try #require(try await store.dueMessages(at: now, limit: 1).first)
            #expect(decoded(queued.message).contains(secret), "the link is there until the mail goes")
            try await store.markSent(id: queued.id, at: now)
            let kept = try await database.query("SELECT message, archived_message FROM outbox")
            #expect(kept.count == 1 && kept[0].optionalString("archived_message") == nil)
            let text = decoded(try kept[0].string("message"))
            #expect(!text.contains(secret) && !text.contains("token=") && text.contains("removed from the site"))
            #expect(text.contains("Reset your DailyPapers password"), "the rest of the mail is kept")
        }
    }

    @Test(arguments: TestEngine.allCases) func sentMailIsPurgedAfterItsDaysAndPendingMailNever(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database async throws in
            let store = SQLMailStore(database: database)
            let mail = try await composer(store)
            let limits = MailLimits(perAddress: 10, perMember: 10, total: 10)
            for (minute, name) in [(0, "old"), (1, "pending")] {
                let notice = try mail.emailChanged(
                    username: name, oldEmail: "\(name)@example.org", newEmail: "n@example.org", userId: 1, now: at(minutes: minute))
                #expect(try await store.enqueue(notice, within: limits, at: at(minutes: minute)) == nil)
            }
            let sent = try #require(try await store.dueMessages(at: now, limit: 1).first)
            try await store.markSent(id: sent.id, at: now)
            #expect(try await store.purgeOutbox(before: now) == 0, "younger than the cut-off")
            #expect(try await store.purgeOutbox(before: at(minutes: 10)) == 1)
            #expect(try await store.outboxCounts() == ["pending": 1])
        }
    }

    @Test(arguments: TestEngine.allCases) func onDemandMailIsBoundedPerAddressPerMemberAndInAll(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database async throws in
            let store = SQLMailStore(database: database)
            let mail = try await composer(store)
            let limits = MailLimits(perAddress: 3, perMember: 5, total: 8)
            var minute = 0
            func send(to address: String, member: Int64) async throws -> MailLimits.Exceeded? {
                minute += 1
                let message = try mail.emailChange(username: "m\(member)", newEmail: address, userId: member, secret: "00", now: at(minutes: minute))
                return try await store.enqueue(message, within: limits, at: at(minutes: minute))
            }
            // One address, in any letter case, gets three.
            #expect(try await send(to: "victim@example.org", member: 1) == nil)
            #expect(try await send(to: "Victim@Example.org", member: 2) == nil)
            #expect(try await send(to: "victim@example.org", member: 3) == nil)
            #expect(try await send(to: "VICTIM@example.org", member: 4) == .address)
            // One member causes five.
            #expect(try await send(to: "a@example.org", member: 1) == nil)
            #expect(try await send(to: "b@example.org", member: 1) == nil)
            #expect(try await send(to: "c@example.org", member: 1) == nil)
            #expect(try await send(to: "d@example.org", member: 1) == nil)
            #expect(try await send(to: "e@example.org", member: 1) == .member)
            // Eight in all, then nobody gets one until the hour has passed.
            #expect(try await send(to: "f@example.org", member: 9) == nil)
            #expect(try await send(to: "g@example.org", member: 10) == .total)
            minute += 60
            #expect(try await send(to: "g@example.org", member: 10) == nil)
            // Digests are not counted.
            let digest = OutboxMessage(
                key: "daily:x", subscriberId: nil, recipient: "victim@example.org", kind: "digest", edition: "daily:x", message: "x")
            #expect(try await store.enqueue([digest], at: at(minutes: minute)) == 1)
        }
    }
}
