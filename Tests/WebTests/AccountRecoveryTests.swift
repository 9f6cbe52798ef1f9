import Foundation
import HTTPTypes
import HummingbirdTesting
import PapersCore
import Storage
import Testing

@testable import Web

/// An attacker who held an account must be out once its owner recovers it; account actions cannot be repeated
/// without limit by minting sessions.
@Suite("Account recovery and limits")
struct AccountRecoveryTests {
    @Test("a password reset ends sessions, revokes API tokens and every other pending link, and mails the owner")
    func resetLocksTheAttackerOut() async throws {
        let site = try await CommunitySite()
        try await site.member("carol")
        try await site.run { client in
            let attacker = Browser(client)
            try await attacker.logIn("carol", password: "password-carol")
            let token = try await VoteTests.apiToken(attacker)
            try await attacker.get("/settings")
            try await attacker.post("/settings/email", ["email": "attacker@evil.example", "password": "password-carol"])
            let change = try #require(try await site.mailedTokens(to: "attacker@evil.example", kind: "change-email").first)

            let owner = Browser(client)
            try await owner.get("/forgot-password")
            try await owner.post("/forgot-password", ["email": "carol@example.org"])
            let resets = try await site.mailedTokens(to: "carol@example.org", kind: "reset-password")
            #expect(resets.count == 1)
            // A second link, asked for with the address in capitals (the clock stands still, so it is not mailed again).
            try await owner.post("/forgot-password", ["email": "CAROL@example.org"])
            let pending: SQLQuery = "SELECT COUNT(*) AS n FROM account_tokens WHERE used_at IS NULL AND purpose = 'reset-password'"
            #expect(try await site.site.temporary.database.query(pending).first?.int("n") == 2)
            try await owner.get("/reset-password?token=\(resets[0])")
            #expect(try await owner.post("/reset-password", ["token": resets[0], "password": "owner-has-it-back"]).status == .ok)

            let api = try await client.execute(uri: "/api/papers/2511.00001/upvote", method: .post, headers: [.authorization: "Bearer \(token)"])
            #expect(api.status == .unauthorized, "the attacker's API token is revoked")
            #expect(try await attacker.get("/settings").status == .found, "the attacker's session ended")
            try await attacker.get("/verify-email?change=1&token=\(change)")
            let confirm = try await attacker.post("/verify-email", ["token": change, "change": "1"])
            #expect(confirm.status == .badRequest, "the e-mail change requested before the reset no longer confirms")
            #expect(try await site.store.users.user(named: "carol")?.email == "carol@example.org")
            let open: SQLQuery = "SELECT COUNT(*) AS n FROM account_tokens WHERE used_at IS NULL"
            #expect(try await site.site.temporary.database.query(open).first?.int("n") == 0, "the other reset link stopped working")
            let notices = try await site.mailedTokens(to: "carol@example.org", kind: "password-changed")
            #expect(notices.count == 1)
        }
    }

    @Test("changing the password ends other sessions and links, can revoke tokens, and the old address hears of a new one")
    func changesAreMailedToTheOwner() async throws {
        let site = try await CommunitySite()
        try await site.member("dave")
        try await site.run { client in
            let other = Browser(client)
            try await other.logIn("dave", password: "password-dave")
            let browser = Browser(client)
            try await browser.logIn("dave", password: "password-dave")
            let token = try await VoteTests.apiToken(browser)
            try await browser.post("/settings/password", ["current": "password-dave", "new": "new-password-1", "revoke_tokens": "1"])
            #expect(try await other.get("/settings").status == .found)
            #expect(try await browser.get("/settings").status == .ok)
            let api = try await client.execute(uri: "/api/papers/2511.00001/upvote", method: .post, headers: [.authorization: "Bearer \(token)"])
            #expect(api.status == .unauthorized)

            try await browser.post("/settings/email", ["email": "dave@new.example", "password": "new-password-1"])
            let change = try #require(try await site.mailedTokens(to: "dave@new.example", kind: "change-email").first)
            try await browser.post("/verify-email", ["token": change, "change": "1"])
            let mails = try await site.site.temporary.database.query(
                "SELECT recipient, kind FROM outbox WHERE kind IN ('password-changed', 'email-changed') ORDER BY id")
            #expect(
                mails.map { "\($0.optionalString("kind") ?? ""):\($0.optionalString("recipient") ?? "")" } == [
                    "password-changed:dave@example.org", "email-changed:dave@example.org",
                ])
        }
    }

    @Test("addresses compare case-insensitively: no second account, and log-in by address in any case")
    func addressesIgnoreLetterCase() async throws {
        let site = try await CommunitySite()
        let alice = try await site.member("alice")
        await #expect(throws: Error.self) {
            try await site.features.accounts.createAccount(username: "alice2", email: "ALICE@example.org", password: "a-long-password", role: .user)
        }
        #expect(try await site.store.users.user(email: "Alice@Example.org")?.id == alice.id)
        #expect(try await site.features.accounts.logIn(login: "ALICE@EXAMPLE.ORG", password: "password-alice").id == alice.id)
    }

    @Test("log-in is limited per address and per target account, and a fresh session does not reset the count")
    func loginLimitsCannotBeResetWithCookies() async throws {
        let limits = CommunitySite.limits(.login, (4, 2))
        let site = try await CommunitySite(limits: limits)
        try await site.member("alice")
        try await site.member("bob")
        try await site.run { client in
            let browser = Browser(client)
            try await browser.get("/login")
            #expect(try await browser.post("/login", ["login": "alice", "password": "wrong-1"]).status == .unauthorized)
            #expect(try await browser.post("/login", ["login": "ALICE", "password": "wrong-2"]).status == .unauthorized)
            let third = try await browser.post("/login", ["login": "alice@example.org", "password": "password-alice"])
            #expect(third.status == .tooManyRequests, "two tries per account from one client, by name or by address")
            #expect(third.headers[.retryAfter] != nil)
            // A signed-in browser (a session of bob's) is still counted by its address: the third try from it is refused.
            let signedIn = try await browser.post("/login", ["login": "bob", "password": "password-bob"])
            #expect(signedIn.status == .found)
            try await browser.get("/login?next=/settings")
            try await browser.get("/")
            #expect(try await browser.post("/login", ["login": "bob", "password": "password-bob"]).status == .tooManyRequests)
        }
    }

    @Test("a stranger's wrong tries from another address do not lock a member out")
    func strangersCannotLockAMemberOut() async throws {
        let site = try await CommunitySite(limits: CommunitySite.limits(.login, (5, 2)))
        try await site.member("alice")
        let environment = site.environment.merging(["TRUSTED_PROXIES": "127.0.0.1"]) { _, given in given }
        try await site.site.run(environment: environment, overrides: .init(arxiv: site.arxiv), testing: .live) { client in
            let stranger = Browser(client)
            let from: HTTPFields = [HTTPField.Name("X-Forwarded-For")!: "203.0.113.7"]
            try await stranger.get("/login", headers: from)
            for attempt in 1...2 {
                #expect(try await stranger.post("/login", ["login": "alice", "password": "guess-\(attempt)"], headers: from).status == .unauthorized)
            }
            #expect(try await stranger.post("/login", ["login": "alice", "password": "guess-3"], headers: from).status == .tooManyRequests)
            let alice = Browser(client)
            let home: HTTPFields = [HTTPField.Name("X-Forwarded-For")!: "198.51.100.20"]
            try await alice.get("/login", headers: home)
            #expect(try await alice.post("/login", ["login": "alice", "password": "password-alice"], headers: home).status == .found)
        }
    }

    @Test("sign-up is refused while signed in and limited per address whatever the cookies")
    func signUpLimits() async throws {
        let limits = CommunitySite.limits(.signup, (2, 2))
        let site = try await CommunitySite(limits: limits)
        try await site.run { client in
            let browser = Browser(client)
            #expect(try await browser.signUp("first").status == .ok)
            try await browser.logIn("first", password: "a-long-password")
            let again = try await browser.signUp("second")
            #expect(again.status == .conflict)
            #expect(again.text.contains("signed in already"))
            let fresh = Browser(client)
            #expect(try await fresh.signUp("third").status == .ok)
            #expect(try await Browser(client).signUp("fourth").status == .tooManyRequests)
            #expect(try await site.store.users.userCount() == 2)
        }
    }

    @Test("limited responses carry RateLimit headers before the limit is met, as Hugging Face sends them")
    func rateLimitHeadersOnEveryLimitedResponse() async throws {
        let site = try await CommunitySite(limits: RateLimits.Bucket.allCases.map { "\($0.rawValue)=500/1000" }.joined(separator: ","))
        try await site.run { client in
            let reset = 300 - TestSite.now.millisecondsSinceEpoch / 1000 % 300
            let first = try await client.get("/api/daily_papers")
            #expect(first.headers[.rateLimit] == "limit=500, remaining=499, reset=\(reset)")
            #expect(first.headers[.rateLimitPolicy] == "500;w=300")
            let page = try await client.get("/")
            #expect(page.headers[.rateLimit] == "limit=500, remaining=499, reset=\(reset)", "pages are counted apart from the API")
            #expect(try await client.get("/api/papers").headers[.rateLimit] == "limit=500, remaining=498, reset=\(reset)")
        }
    }

    @Test("an e-mail change to a taken address answers as for a free one; the owner gets a notice, nobody a link")
    func emailChangeDoesNotTellWhoIsAMember() async throws {
        let site = try await CommunitySite()
        try await site.member("hana")
        try await site.member("ivan")
        try await site.run { client in
            let browser = Browser(client)
            try await browser.logIn("hana", password: "password-hana")
            try await browser.get("/settings")
            let taken = try await browser.post("/settings/email", ["email": "ivan@example.org", "password": "password-hana"])
            try await browser.get("/settings")
            let free = try await browser.post("/settings/email", ["email": "hana@new.example", "password": "password-hana"])
            #expect(taken.status == .ok && free.status == .ok)
            #expect(taken.text.contains("We sent a confirmation link to the new address") && !taken.text.contains("Another account"))
            let strip = { (text: String) in text.replacingOccurrences(of: #"value="[0-9a-f]{32,}""#, with: "", options: .regularExpression) }
            #expect(strip(taken.text) == strip(free.text), "the two answers are the same page")
            #expect(try await site.mailedTokens(to: "ivan@example.org", kind: "change-email").isEmpty)
            let notices = try await site.site.temporary.database.query("SELECT recipient FROM outbox WHERE kind = 'change-email-attempt'")
            #expect(notices.map { $0.optionalString("recipient") } == ["ivan@example.org"])
            #expect(try await site.mailedTokens(to: "hana@new.example", kind: "change-email").count == 1)
            #expect(try await site.store.users.user(named: "hana")?.email == "hana@example.org", "nothing changes before the link is followed")
        }
    }
}
