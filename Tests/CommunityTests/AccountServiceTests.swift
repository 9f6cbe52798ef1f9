import Community
import PapersCore
import Storage
import TestSupport
import Testing

/// Accounts through the service: log-in by name or address, sessions, API tokens and deletion.
@Suite struct AccountServiceTests {
    @Test func aMemberLogsInByNameOrAddressAndSessionsEnd() async throws {
        try await TemporaryDatabase.with { temporary in
            let site = try await ServiceFixtures(temporary)
            let accounts = site.accounts
            let ann = try #require(try await accounts.signUp(username: "Ann", email: "Ann@Example.org", password: "correct-horse-9"))
            #expect(!accounts.requiresVerifiedEmail, "without mail nobody waits for a link")
            #expect(try await accounts.logIn(login: "ann", password: "correct-horse-9").id == ann.id, "names in any letter case")
            #expect(try await accounts.logIn(login: "ANN@example.ORG", password: "correct-horse-9").id == ann.id, "addresses too")
            await #expect(throws: CommunityError.self) { try await accounts.logIn(login: "ann", password: "wrong-horse-9") }
            await #expect(throws: CommunityError.self) { try await accounts.logIn(login: "nobody", password: "correct-horse-9") }
            let first = try await accounts.startSession(for: ann)
            let second = try await accounts.startSession(for: ann)
            #expect(first.secret != second.secret && first.csrf != second.csrf, "every session has fresh secrets")
            let signedIn = try #require(try await accounts.session(secret: first.secret))
            #expect(signedIn.user.id == ann.id && signedIn.csrf == first.csrf)
            try await accounts.endSession(signedIn)
            #expect(try await accounts.session(secret: first.secret) == nil)
            #expect(try await accounts.session(secret: second.secret) != nil, "other sessions go on")
            await #expect(throws: CommunityError.self) {
                try await accounts.signUp(username: "ann", email: "other@example.org", password: "correct-horse-9")
            }
        }
    }

    @Test func apiTokensNameTheirMemberUntilRevoked() async throws {
        try await TemporaryDatabase.with { temporary in
            let site = try await ServiceFixtures(temporary)
            let bob = try await site.member("bob")
            let token = try await site.accounts.createAPIToken(for: bob, name: "script")
            #expect(token.hasPrefix("dp_"))
            #expect(try await site.accounts.user(apiToken: token)?.id == bob.id)
            #expect(try await site.accounts.user(apiToken: token + "x") == nil)
            let listed = try await site.accounts.apiTokens(of: bob)
            #expect(listed.count == 1 && listed[0].name == "script" && !token.contains(listed[0].name + "secret"))
            #expect(try await site.accounts.revokeAPIToken(listed[0].id, of: bob))
            #expect(try await site.accounts.user(apiToken: token) == nil)
            for number in 1...20 { _ = try await site.accounts.createAPIToken(for: bob, name: "token \(number)") }
            await #expect(throws: CommunityError.self, "at most 20 live tokens (a revoked one does not count)") {
                try await site.accounts.createAPIToken(for: bob, name: "one more")
            }
        }
    }

    @Test func deletingAnAccountNeedsItsPasswordAndEndsEverything() async throws {
        try await TemporaryDatabase.with { temporary in
            let site = try await ServiceFixtures(temporary)
            let carl = try await site.member("carl")
            let ticket = try await site.accounts.startSession(for: carl)
            await #expect(throws: CommunityError.self) { try await site.accounts.deleteAccount(carl, password: "not-his-password") }
            #expect(try await site.accounts.user(named: "carl") != nil)
            try await site.accounts.deleteAccount(carl, password: "password-carl")
            #expect(try await site.accounts.user(named: "carl") == nil)
            #expect(try await site.accounts.session(secret: ticket.secret) == nil)
            await #expect(throws: CommunityError.self) { try await site.accounts.logIn(login: "carl", password: "password-carl") }
        }
    }
}
