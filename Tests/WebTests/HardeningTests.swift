import DailyPapersApp
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import PapersCore
import Presentation
import Storage
import TestSupport
import Testing

@testable import Web

#if canImport(FoundationXML)
import FoundationXML
#endif

/// Regression tests of the defects the hardening issue reproduced: each fails on the code before it.
@Suite("Hardening")
struct HardeningTests {
    @Test("a 5,000-character adversarial comment is rendered once, stored as HTML, and shown from the store")
    func commentsAreRenderedOnceAndStored() async throws {
        let site = try await CommunitySite()
        let alice = try await site.member("alice")
        let body = String(repeating: "h", count: 2_500) + String(repeating: "[", count: 2_500)
        let comment = try await site.store.comments.addComment(paperId: "2511.00001", parentId: nil, userId: alice.id, body: body, at: TestSite.now)
        let stored = try await site.site.temporary.database.query("SELECT body_html FROM comments WHERE id = \(comment.id)").first?.optionalString(
            "body_html")
        #expect(stored == "<p>" + body + "</p>")
        // What the page shows is what was stored, not a second rendering: change the stored HTML and look.
        _ = try await site.site.temporary.database.execute("UPDATE comments SET body_html = '<p>stored once</p>' WHERE id = \(comment.id)")
        try await site.run { client in
            let page = try await client.get("/papers/2511.00001")
            #expect(page.text.contains("<p>stored once</p>"))
        }
    }

    @Test("an unknown bearer token reads as anonymous; writes with it get 401 with a Bearer challenge; a known one identifies")
    func unknownTokensReadAnonymously() async throws {
        let site = try await CommunitySite()
        try await site.member("alice")
        try await site.run { client in
            let hfToken: HTTPFields = [.authorization: "Bearer hf_xAbCdEfGhIjKlMnOpQrStUvWxYz0123456789"]
            for path in ["/api/daily_papers", "/api/papers", "/api/papers/2511.00001", "/api/papers/search?q=latest"] {
                let response = try await client.execute(uri: path, method: .get, headers: hfToken)
                #expect(response.status == .ok, "\(path)")
            }
            let write = try await client.execute(uri: "/api/papers/2511.00001/upvote", method: .post, headers: hfToken)
            #expect(write.status == .unauthorized)
            #expect(write.headers[.wwwAuthenticate]?.hasPrefix("Bearer") == true)
            #expect(write.text.contains("unknown or revoked"))
            let anonymous = try await client.execute(uri: "/api/papers/2511.00001/upvote", method: .post)
            #expect(anonymous.status == .unauthorized)
            #expect(anonymous.headers[.wwwAuthenticate]?.hasPrefix("Bearer") == true)

            let browser = Browser(client)
            try await browser.logIn("alice", password: "password-alice")
            let token = try await VoteTests.apiToken(browser)
            let voted = try await client.execute(uri: "/api/papers/2511.00001/upvote", method: .post, headers: [.authorization: "Bearer \(token)"])
            #expect(voted.status == .ok)
            #expect(voted.text.contains(#""upvoted":true"#))
        }
    }

    @Test("Link headers are built from the public URL and carry only the parameters the route reads")
    func linkHeadersComeFromThePublicURL() async throws {
        let site = try await TestSite(papers: WebFixtures.papers)
        try await site.run { client in
            let poisoned = try await client.execute(
                uri: "/api/daily_papers?limit=1&junk=%3E%3B%20rel%3D%22evil", method: .get, headers: [.init("X-Forwarded-Host")!: "evil.example"]
            )
            let link = try #require(poisoned.headers[.linkHeader])
            #expect(link == #"<http://127.0.0.1:8080/api/daily_papers?limit=1&p=1>; rel="next""#)
            let listing = try await client.get("/api/papers?limit=1")
            #expect(listing.headers[.linkHeader]?.hasPrefix("<http://127.0.0.1:8080/api/papers?cursor=") == true)
        }
    }

    @Test(
        "only local paths are redirect targets",
        arguments: [
            ("/papers/2511.00001", "/papers/2511.00001"), ("/\t/evil.example/", nil), ("//evil.example", nil), ("/\\evil.example", nil),
            ("/\\/evil.example", nil), ("https://evil.example", nil), ("/a\nb", nil), ("/a\u{7F}b", nil), ("javascript:alert(1)", nil),
            ("http://dailypapers.test/settings?x=1", "/settings?x=1"), ("/ok/\u{202E}", nil),
        ] as [(String, String?)])
    func redirectTargets(candidate: String, expected: String?) {
        #expect(Guards.localPath(candidate) == expected)
    }

    @Test("GET /login?next=/%09/evil.example/ never sends a signed-in member off the site")
    func loginRedirectStaysLocal() async throws {
        let site = try await CommunitySite()
        try await site.member("alice")
        try await site.run { client in
            let browser = Browser(client)
            try await browser.logIn("alice", password: "password-alice")
            let response = try await browser.get("/login?next=/%09/evil.example/")
            #expect(response.status == .found)
            #expect(response.headers[.location] == "/")
        }
    }

    @Test("malformed escapes and NUL are refused with 400, never guessed", arguments: ["%zz", "%-0", "%+4", "a%00b", "%c3%28", "abc%"])
    func strictFormDecoding(_ value: String) async throws {
        #expect(throws: PageError.self) { try Forms.parse("body=" + value) }
        #expect(try Forms.parse("body=a%20b+c%2B") == ["body": "a b c+"])
    }

    @Test("a NUL in a comment, a password or an address is refused, and bcrypt never sees it")
    func nulIsRefusedEverywhere() async throws {
        let site = try await CommunitySite()
        try await site.member("alice")
        try await site.run { client in
            let browser = Browser(client)
            let signUp = try await browser.signUp("bob", password: "x\u{0}correct-horse")
            #expect(signUp.status == .badRequest)
            #expect(try await site.store.users.user(named: "bob") == nil)
            try await browser.logIn("alice", password: "password-alice")
            try await browser.get("/papers/2511.00001")
            let comment = try await browser.post("/papers/2511.00001/comments", ["body": "a\u{0}b"])
            #expect(comment.status == .badRequest)
            #expect(try await site.store.comments.comments(paperId: "2511.00001").isEmpty)
            let token = try await VoteTests.apiToken(browser)
            let api = try await client.execute(
                uri: "/api/papers/2511.00001/comment", method: .post, headers: [.authorization: "Bearer \(token)", .contentType: "application/json"],
                body: ByteBuffer(string: #"{"comment": "a\u0000b"}"#)
            )
            #expect(api.status == .badRequest)
            #expect(api.text.contains("NUL"))
            let query = try await client.get("/papers/search?q=a%00b")
            #expect(query.status == .badRequest)
        }
    }

    @Test("oversized form and JSON bodies get 413 with a message, not 500")
    func oversizedBodiesAre413() async throws {
        let site = try await CommunitySite()
        try await site.member("alice")
        try await site.run { client in
            let browser = Browser(client)
            try await browser.logIn("alice", password: "password-alice")
            try await browser.get("/papers/2511.00001")
            let form = try await browser.post("/papers/2511.00001/comments", ["body": String(repeating: "x", count: 20_000)])
            #expect(form.status == .contentTooLarge)
            #expect(form.text.contains("too large"))
            let token = try await VoteTests.apiToken(browser)
            let json = try await client.execute(
                uri: "/api/papers/2511.00001/comment", method: .post, headers: [.authorization: "Bearer \(token)", .contentType: "application/json"],
                body: ByteBuffer(string: #"{"comment": ""# + String(repeating: "x", count: 70_000) + #""}"#)
            )
            #expect(json.status == .contentTooLarge)
            #expect(json.headers[.contentType]?.hasPrefix("application/json") == true)
        }
    }

    @Test("every response carries the security headers and a request id, error pages and assets included")
    func securityHeadersOnEveryResponse() async throws {
        let site = try await CommunitySite()
        try await site.run { client in
            let home = try await client.get("/")
            let assets = [Assets.stylesheet.path, Assets.votes.path, Assets.typeahead.path]
            for path in ["/", "/papers/2511.00001", "/no/such/page", "/api/daily_papers", "/api/papers/9999.99999", "/login"] + assets {
                let response = try await client.get(path)
                #expect(response.headers[.contentSecurityPolicy] == SecurityHeaders.contentSecurityPolicy, "\(path)")
                #expect(response.headers[.xContentTypeOptions] == "nosniff", "\(path)")
                #expect(response.headers[.referrerPolicy] == "strict-origin-when-cross-origin", "\(path)")
                #expect(response.headers[.xRequestID]?.isEmpty == false, "\(path)")
                #expect(response.headers[.strictTransportSecurity] == nil, "http sites send no HSTS")
            }
            #expect(SecurityHeaders.contentSecurityPolicy.contains("frame-ancestors 'none'"))
            // The policy forbids inline code, so the pages hold none.
            #expect(!home.text.contains("<script>") && !home.text.contains("style=\"") && !home.text.contains("<style"))
            let missing = try await client.get("/api/papers/9999.99999")
            #expect(missing.status == .notFound)
            #expect(missing.headers[.xErrorMessage]?.contains("Paper not found") == true)
        }
    }

    @Test("the response cache stays within its byte limit, keeps what is read, and ignores junk parameters")
    func theCacheIsBounded() async throws {
        let body = ByteBuffer(string: String(repeating: "x", count: 1_000))
        let perEntry = CacheEntry(
            key: "/api/daily_papers?p=100", rendered: Rendered(status: .ok, headers: [:], body: body), storedAt: .now, sequence: 0)
        let cache = ResponseCache(byteLimit: 20 * perEntry.bytes, checkInterval: .seconds(3_600)) { 1 }
        for index in 100..<550 {
            _ = try await cache.response(for: "/api/daily_papers?p=\(index)") { Rendered(status: .ok, headers: [:], body: body) }
            #expect(cache.usage.bytes <= cache.byteLimit)
            // One page is read between every two stores: the clock gives it a second chance each time round.
            #expect(cache.response(for: "/api/daily_papers?p=100") != nil)
        }
        #expect(cache.usage.entries == 20)
        #expect(cache.response(for: "/api/daily_papers?p=549") != nil)
        #expect(cache.response(for: "/api/daily_papers?p=101") == nil)
        // A small answer rendered into a large buffer is kept, and counted, at its own size.
        var roomy = ByteBufferAllocator().buffer(capacity: 100_000)
        roomy.writeString("{}")
        let small = CacheEntry(key: "/k", rendered: Rendered(status: .ok, headers: [:], body: roomy), storedAt: .now, sequence: 1)
        #expect(small.body.capacity == 2 && small.bytes < CacheEntry.allowance + 16)

        let site = try await TestSite(papers: WebFixtures.papers)
        let builder = try site.builder()
        let parts = try await builder.parts(on: site.opened)
        try await buildApplication(parts.dependencies, settings: builder.configuration.server).test(.router) { client in
            for junk in 0..<50 { _ = try await client.get("/api/daily_papers?limit=2&utm=\(junk)") }
            _ = try await client.get("/api/daily_papers?utm=x&limit=2")
        }
        #expect(parts.dependencies.cache.usage.entries == 1)
    }

    @Test("a control character in an organization's name leaves every feed valid XML")
    func feedsStayValidXML() async throws {
        var papers = WebFixtures.papers
        papers[0].organization = Organization(name: "evilorg", fullname: "Evil\u{1}Org\u{FFFE}")
        papers[0].title = "Title with \u{B} vertical tab"
        let site = try await TestSite(papers: papers)
        try await site.run { client in
            for path in ["/papers/feed.atom", "/papers/feed.rss", "/papers/trending/feed.atom", "/evilorg/feed.rss", "/papers/week/feed.atom"] {
                let feed = try await client.get(path)
                #expect(feed.status == .ok, "\(path)")
                let parser = XMLParser(data: Data(feed.text.utf8))
                #expect(parser.parse(), "\(path): \(parser.parserError.map { "\($0)" } ?? "")")
            }
        }
    }
}
