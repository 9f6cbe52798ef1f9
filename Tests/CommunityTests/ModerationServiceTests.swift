import Community
import PapersCore
import Storage
import TestSupport
import Testing

/// Moderation: who may do what, and every change written with its log entry in one transaction.
@Suite struct ModerationServiceTests {
    static let now = Timestamp(iso: "2025-11-05T12:00:00.000Z") ?? Timestamp(millisecondsSinceEpoch: 0)

    @Test func eachActionIsLoggedWithItsChangeAndTheRulesHold() async throws {
        try await TemporaryDatabase.with { temporary in
            let store = CommunityStores(database: temporary.database)
            let service = ModerationService(store: store.moderation, comments: store.comments, clock: { Self.now })
            let admin = try await store.users.createUser(
                NewUser(username: "root", email: "root@example.org", passwordHash: "x", role: .admin), at: Self.now)
            let moderator = try await store.users.createUser(
                NewUser(username: "mod", email: "mod@example.org", passwordHash: "x", role: .moderator), at: Self.now)
            let member = try await store.users.createUser(
                NewUser(username: "ann", email: "ann@example.org", passwordHash: "x", role: .user), at: Self.now)

            try await service.setBanned(true, member, by: moderator)
            await #expect(throws: CommunityError.forbidden("Only an admin can ban a admin.")) {
                try await service.setBanned(true, admin, by: moderator)
            }
            await #expect(throws: CommunityError.self) { try await service.setBanned(true, moderator, by: moderator) }
            await #expect(throws: CommunityError.forbidden("Only admins can change roles.")) {
                try await service.setRole(.admin, of: member, by: moderator)
            }
            await #expect(throws: CommunityError.self) { try await service.setRole(.user, of: admin, by: admin) }
            await #expect(throws: CommunityError.forbidden("Only moderators can do this.")) { try await service.setBanned(true, admin, by: member) }
            try await service.setRole(.moderator, of: member, by: admin)

            let log = try await store.moderation.moderationLog(limit: 10)
            #expect(log.map(\.action) == [.setRole, .banUser], "refused actions leave no entry")
            #expect(log.map(\.moderator) == ["root", "mod"])
            #expect(try await store.users.user(id: member.id)?.role == .moderator)
            #expect(try await store.users.user(id: member.id)?.banned == true)
        }
    }

    @Test func aFailedChangeLeavesNoLogEntry() async throws {
        try await TemporaryDatabase.with { temporary in
            let store = CommunityStores(database: temporary.database)
            let service = ModerationService(store: store.moderation, comments: store.comments, clock: { Self.now })
            let moderator = try await store.users.createUser(
                NewUser(username: "mod", email: "mod@example.org", passwordHash: "x", role: .moderator), at: Self.now)
            await #expect(throws: CommunityError.self) { try await service.hidePaper("2511.99999", reason: .spam, by: moderator) }
            await #expect(throws: CommunityError.self) { try await service.hideComment(42, reason: .spam, by: moderator) }
            #expect(try await store.moderation.moderationLog(limit: 10).isEmpty)
        }
    }
}
