import Foundation
import HTTPTypes
import HummingbirdTesting
import Mail
import PapersCore
import Storage
import Testing

@Suite("Accounts")
struct AccountTests {
    @Test("sign-up mails a verification link that works once; log-in sets an HttpOnly SameSite session cookie")
    func signUpAndVerify() async throws {
        let site = try await CommunitySite()
        try await site.run { client in
            let browser = Browser(client)
            let signedUp = try await browser.signUp("alice")
            #expect(signedUp.status == .ok)
            #expect(signedUp.headers[values: .setCookie].allSatisfy { !$0.hasPrefix("dp_session=") }, "no session before the address is confirmed")
            #expect(try await site.store.users.user(named: "alice")?.emailVerified == false)
            let loggedIn = try await browser.logIn("alice", password: "a-long-password")
            let cookie = loggedIn.headers[values: .setCookie].first { $0.hasPrefix("dp_session=") } ?? ""
            #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax") && !cookie.contains("Secure"))

            let tokens = try await site.mailedTokens(to: "alice@example.org", kind: "verify-email")
            let token = try #require(tokens.first)
            #expect(try await browser.get("/verify-email?token=\(token)").status == .ok)
            #expect(try await browser.post("/verify-email", ["token": token]).status == .ok)
            #expect(try await site.store.users.user(named: "alice")?.emailVerified == true)
            let again = try await browser.post("/verify-email", ["token": token])
            #expect(again.status == .badRequest)
            #expect(again.text.contains("invalid, expired or already used"))
        }
    }

    @Test("sign-up refuses bad usernames, addresses, passwords and taken names, each with its own message")
    func signUpValidation() async throws {
        let site = try await CommunitySite()
        try await site.member("taken")
        try await site.run { client in
            let browser = Browser(client)
            let cases: [(String, String, String, String)] = [
                ("a", "a@example.org", "a-long-password", "2 to 32 characters"),
                ("bad name", "b@example.org", "a-long-password", "only the letters"),
                ("login", "c@example.org", "a-long-password", "name of a page"),
                ("dora", "not-an-address", "a-long-password", "cannot be used"),
                ("erin", "e@example.org", "short", "8 to 72 bytes"),
                ("TAKEN", "f@example.org", "a-long-password", "is taken"),
            ]
            for (username, email, password, message) in cases {
                let response = try await browser.signUp(username, email: email, password: password)
                #expect(response.status == .badRequest || response.status == .conflict, "\(username)")
                #expect(response.text.contains(message), "\(username): \(message)")
            }
            #expect(try await site.store.users.userCount() == 1)
        }
    }

    @Test("sign-up with a taken address (in any letter case) answers as for a new one and mails the owner instead")
    func signUpDoesNotTellWhoIsAMember() async throws {
        let site = try await CommunitySite()
        try await site.member("taken")
        try await site.run { client in
            let browser = Browser(client)
            var pages: [String] = []
            for email in ["taken@example.org", "TAKEN@Example.org"] {
                let response = try await browser.signUp("gina", email: email, password: "a-long-password")
                #expect(response.status == .ok)
                #expect(response.text.contains("We sent a link to \(try EmailAddress(email).value)"))
                #expect(!response.text.contains("exists"))
                #expect(response.headers[values: .setCookie].allSatisfy { !$0.hasPrefix("dp_session=") })
                pages.append(response.text.replacingOccurrences(of: try EmailAddress(email).value, with: "ADDRESS"))
            }
            #expect(try await site.store.users.userCount() == 1)
            // A new address gets the very same page: nothing tells the two apart.
            let fresh = try await Browser(client).signUp("gina", email: "fresh@example.org", password: "a-long-password")
            #expect(fresh.text.replacingOccurrences(of: "fresh@example.org", with: "ADDRESS") == pages[0])
            #expect(fresh.headers[values: .setCookie].allSatisfy { !$0.hasPrefix("dp_session=") })
            #expect(try await site.store.users.userCount() == 2)
            let mails = try await site.site.temporary.database.query("SELECT recipient FROM outbox WHERE kind = 'signup-attempt'")
            // The test clock stands still, so the second attempt is the same message and the outbox keeps one.
            #expect(mails.map { $0.optionalString("recipient") } == ["taken@example.org"])
            // The username is taken now: that is said, for any address.
            #expect(try await browser.signUp("gina", email: "gina@example.org").text.contains("is taken"))
        }
    }

    @Test("log-in rotates the session id, so a planted session cookie is never adopted (session fixation)")
    func sessionFixation() async throws {
        let site = try await CommunitySite()
        try await site.member("victim")
        try await site.member("mallory")
        try await site.run { client in
            let attacker = Browser(client)
            try await attacker.logIn("mallory", password: "password-mallory")
            let planted = try #require(attacker.cookies["dp_session"])

            // The victim's browser carries the attacker's session cookie (set by a sibling domain, say) and logs in.
            let victim = Browser(client)
            victim.setCookie("dp_session", planted)
            try await victim.get("/")
            let loggedIn = try await victim.post("/login", ["login": "victim", "password": "password-victim"])
            #expect(loggedIn.status == .found)
            let newSession = try #require(victim.cookies["dp_session"])
            #expect(newSession != planted)
            #expect(try await victim.get("/settings").text.contains("Signed in as <strong>victim</strong>"))
            // The planted session was ended by the log-in: the attacker's copy opens nothing now.
            #expect(try await attacker.get("/settings").status == .found)
        }
    }

    @Test("wrong passwords and unknown names get the same answer; log-out ends the session")
    func logInAndOut() async throws {
        let site = try await CommunitySite()
        try await site.member("bob")
        try await site.run { client in
            let browser = Browser(client)
            let wrong = try await browser.logIn("bob", password: "nope-nope-nope")
            let unknown = try await browser.logIn("nobody", password: "nope-nope-nope")
            #expect(wrong.status == .unauthorized && unknown.status == .unauthorized)
            #expect(wrong.text.contains("password is wrong") && unknown.text.contains("password is wrong"))
            let byEmail = try await browser.logIn("bob@example.org", password: "password-bob")
            #expect(byEmail.status == .found)
            #expect(try await browser.get("/settings").text.contains("Signed in as <strong>bob</strong>"))
            try await browser.post("/logout")
            #expect(browser.cookies["dp_session"] == nil)
            #expect(try await browser.get("/settings").headers[.location] == "/login?next=%2Fsettings")
        }
    }

    @Test("a password reset link works once, ends every session, and the old password stops working")
    func passwordResetTokenReuse() async throws {
        let site = try await CommunitySite()
        try await site.member("carol")
        try await site.run { client in
            let other = Browser(client)
            try await other.logIn("carol", password: "password-carol")
            let browser = Browser(client)
            try await browser.get("/forgot-password")
            let unknown = try await browser.post("/forgot-password", ["email": "nobody@example.org"])
            let known = try await browser.post("/forgot-password", ["email": "carol@example.org"])
            #expect(unknown.text.contains("If an account uses that address") && known.text.contains("If an account uses that address"))
            let token = try #require(try await site.mailedTokens(to: "carol@example.org", kind: "reset-password").first)
            #expect(try await site.mailedTokens(to: "nobody@example.org", kind: "reset-password").isEmpty)

            try await browser.get("/reset-password?token=\(token)")
            let tooShort = try await browser.post("/reset-password", ["token": token, "password": "short"])
            #expect(tooShort.status == .badRequest)
            #expect(try await browser.post("/reset-password", ["token": token, "password": "brand-new-password"]).status == .ok)
            let reused = try await browser.post("/reset-password", ["token": token, "password": "another-password"])
            #expect(reused.status == .badRequest)
            #expect(reused.text.contains("already used"))

            #expect(try await other.get("/settings").status == .found)
            #expect(try await browser.logIn("carol", password: "password-carol").status == .unauthorized)
            #expect(try await browser.logIn("carol", password: "brand-new-password").status == .found)
        }
    }

    @Test("settings: change password (current one required), change e-mail by confirmed link, API tokens, delete")
    func settings() async throws {
        let site = try await CommunitySite()
        try await site.member("dave")
        try await site.run { client in
            let browser = Browser(client)
            try await browser.logIn("dave", password: "password-dave")
            try await browser.get("/settings")
            let wrong = try await browser.post("/settings/password", ["current": "wrong-password", "new": "new-password-1"])
            #expect(wrong.status == .unauthorized)
            #expect(try await browser.post("/settings/password", ["current": "password-dave", "new": "new-password-1"]).status == .ok)

            #expect(try await browser.post("/settings/email", ["email": "dave@new.example", "password": "new-password-1"]).status == .ok)
            #expect(try await site.store.users.user(named: "dave")?.email == "dave@example.org")
            let token = try #require(try await site.mailedTokens(to: "dave@new.example", kind: "change-email").first)
            try await browser.post("/verify-email", ["token": token, "change": "1"])
            #expect(try await site.store.users.user(named: "dave")?.email == "dave@new.example")

            let created = try await browser.post("/settings/tokens", ["name": "my script"])
            let secret = try #require(created.text.range(of: #"dp_[0-9a-f]{64}"#, options: .regularExpression).map { String(created.text[$0]) })
            #expect(created.text.contains("my script"))
            let tokens = try await site.store.sessions.apiTokens(userId: try #require(try await site.store.users.user(named: "dave")).id)
            #expect(tokens.count == 1 && !created.text.contains("token_hash"))
            let revoke = try await browser.post("/settings/tokens/\(tokens[0].id)/revoke")
            #expect(revoke.text.contains("Token revoked"))
            let api = try await client.execute(uri: "/api/papers/2511.00001/upvote", method: .post, headers: [.authorization: "Bearer \(secret)"])
            #expect(api.status == .unauthorized)

            #expect(try await browser.post("/settings/delete", ["password": "wrong"]).status == .unauthorized)
            #expect(try await browser.post("/settings/delete", ["password": "new-password-1"]).status == .ok)
            #expect(try await site.store.users.user(named: "dave") == nil)
        }
    }
}
