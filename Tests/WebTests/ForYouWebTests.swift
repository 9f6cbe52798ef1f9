import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import PapersCore
import Testing

/// Following and "For you" through the site: the tab, Follow buttons with their counts, reasons on cards, "Not
/// interested", privacy of what a member follows, and the API's answers for the token's member only.
@Suite("For you")
struct ForYouWebTests {
    @Test("a member follows from a page, sees why each paper is there, and dismisses one")
    func followAndDismiss() async throws {
        let site = try await CommunitySite()
        try await site.member("alice")
        try await site.run { client in
            let visitor = try await client.execute(uri: "/for-you", method: .get)
            #expect(visitor.status == .seeOther || visitor.status == .found, "a visitor is sent to log in")
            #expect(!(try await client.get("/").text.contains(">For you</a>")), "visitors have no For you tab")
            let browser = Browser(client)
            try await browser.logIn("alice", password: "password-alice")
            let fresh = try await browser.get("/for-you").text
            #expect(fresh.contains("Make this page yours") && fresh.contains(#"<a href="/for-you" aria-current="page">For you</a>"#))
            #expect(fresh.contains("Why: popular this week: 50 upvotes"), "a new member sees the week's trending papers")
            let organization = try await browser.get("/nvidia").text
            #expect(organization.contains("+ Follow") && organization.contains("0 followers"))
            let followed = try await browser.post("/following", ["kind": "organization", "value": "nvidia", "followed": "1"])
            #expect(followed.status == .seeOther || followed.status == .found)
            let after = try await browser.get("/nvidia").text
            #expect(after.contains("Following ✓") && after.contains("1 follower<"))
            let list = try await browser.get("/for-you").text
            #expect(!list.contains("Make this page yours"))
            let card = try #require(Self.card("2511.00001", in: list))
            #expect(card.contains("Why: you follow NVIDIA") && card.contains("Not interested"))
            try await browser.post("/papers/2511.00001/dismiss", ["dismissed": "1"])
            #expect(Self.card("2511.00001", in: try await browser.get("/for-you").text) == nil)
            let archive = try await browser.get("/settings/export.json").text
            #expect(
                archive.contains(#""follows":[{"kind":"organization","value":"nvidia"}],"notInterested":["2511.00001"]}"#),
                "no personal digest chosen: the key is left out")
            let following = try await browser.get("/following").text
            #expect(following.contains(#"<a href="/nvidia">nvidia</a>"#) && following.contains("Only you see what you follow."))
            let bad = try await browser.post("/following", ["kind": "organization", "value": "no-such-org", "followed": "1"])
            #expect(bad.status == .notFound && bad.text.contains("No organization named"))
        }
    }

    @Test("what a member follows shows on their profile only once they make it public")
    func privacy() async throws {
        let site = try await CommunitySite()
        try await site.member("alice")
        try await site.run { client in
            let browser = Browser(client)
            try await browser.logIn("alice", password: "password-alice")
            try await browser.get("/following")
            #expect(try await browser.post("/following", ["kind": "topic", "value": "quiet interest", "followed": "1"]).status.code / 100 == 3)
            #expect(!(try await client.get("/users/alice").text.contains("quiet interest")))
            #expect(try await browser.get("/users/alice").text.contains("quiet interest"), "the member sees their own")
            try await browser.post("/following", ["public": "1"])
            #expect(try await client.get("/users/alice").text.contains("quiet interest"))
        }
    }

    @Test("the API follows, unfollows and lists for the token's member, with precise errors")
    func api() async throws {
        let site = try await CommunitySite()
        try await site.member("alice")
        try await site.member("bob")
        try await site.run { client in
            let alice = try await Self.token(client, "alice")
            let bob = try await Self.token(client, "bob")
            func call(_ method: HTTPRequest.Method, _ uri: String, _ token: String?, _ body: String? = nil) async throws -> TestResponse {
                var headers: HTTPFields = [.contentType: "application/json"]
                if let token { headers[.authorization] = "Bearer \(token)" }
                return try await client.execute(uri: uri, method: method, headers: headers, body: body.map { ByteBuffer(string: $0) })
            }
            let grace = #"{"kind": "author", "value": "Ada Lovelace"}"#
            #expect(try await call(.post, "/api/me/follows", nil, grace).status == .unauthorized)
            #expect(try await call(.post, "/api/me/follows", alice, grace).status == .created)
            #expect(try await call(.post, "/api/me/follows", alice, grace).status == .ok)
            let planet = try await call(.post, "/api/me/follows", alice, #"{"kind": "planet", "value": "Mars"}"#)
            #expect(planet.status == .badRequest && String(buffer: planet.body).contains("'kind' is one of author"))
            #expect(try await call(.post, "/api/me/follows", alice, "not json").status == .badRequest)
            #expect(try await call(.post, "/api/me/follows", alice, #"{"kind": "organization", "value": "nobody"}"#).status == .notFound)
            let listed = String(buffer: try await call(.get, "/api/me/follows", alice).body)
            #expect(listed == #"[{"kind":"author","value":"Ada Lovelace"}]"#)
            #expect(String(buffer: try await call(.get, "/api/me/follows", bob).body) == "[]", "one member's follows are theirs only")
            let page = try await call(.get, "/api/me/for-you?limit=1", alice)
            #expect(page.status == .ok && page.headers[HTTPField.Name("Link")!]?.contains("/api/me/for-you?limit=1&p=1") == true)
            let item = String(buffer: page.body)
            #expect(item.contains(#""reason":"by Ada Lovelace, whom you follow""#) && item.contains(#""paper":{"id":""#))
            #expect(try await call(.get, "/api/me/for-you?limit=0", alice).status == .badRequest)
            #expect(try await call(.get, "/api/me/for-you", nil).status == .unauthorized)
            #expect(try await call(.delete, "/api/me/follows", bob, grace).status == .notFound)
            #expect(try await call(.delete, "/api/me/follows", alice, grace).status == .ok)
            #expect(try await call(.delete, "/api/me/follows", alice, grace).status == .notFound)
        }
    }

    /// An API token of `name`, made on the settings page.
    static func token(_ client: any TestClientProtocol, _ name: String) async throws -> String {
        let browser = Browser(client)
        try await browser.logIn(name, password: "password-\(name)")
        return try await VoteTests.apiToken(browser)
    }

    /// The card of `paperId` in a page, if it shows one.
    static func card(_ paperId: String, in page: String) -> String? {
        guard let start = page.range(of: "id=\"paper-\(paperId)\"") else { return nil }
        let rest = page[start.upperBound...]
        return String(rest[..<(rest.range(of: "</li>")?.lowerBound ?? rest.endIndex)])
    }
}
