import DailyPapersApp
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import Mail
import PapersCore
import Storage
import TestSupport
import Testing
import Web

@Suite("Security")
struct SecurityTests {
    /// POST routes that take no CSRF token, and why: the write API authenticates with a bearer token that a page
    /// on another site cannot attach; RFC 8058 one-click unsubscribe is posted by mail clients without cookies and
    /// is authorised by its signed link alone.
    static func isExempt(_ route: Route) -> Bool {
        route.isAPI || route == .unsubscribe
    }

    /// The example route with values this site has: a real paper, comment, member and organization.
    static func concrete(_ route: Route, commentId: Int64) -> Route {
        switch route {
            case .paperAction(let id, let action): return .paperAction(id: id.contains("/") ? "quant-ph/0210005" : "2511.00001", action)
            case .commentAction(_, let action): return .commentAction(id: String(commentId), action)
            case .memberAction(_, let action): return .memberAction(name: "target", action)
            case .addOrganizationMember: return .addOrganizationMember(organization: "nvidia")
            case .revokeToken: return .revokeToken(id: "1")
            default: return route
        }
    }

    @Test("every state-changing route of the router refuses a form without the right CSRF token")
    func csrfOnEveryPostRoute() async throws {
        let site = try await CommunitySite()
        try await site.member("root", role: .admin)
        let target = try await site.member("target")
        let comment = try await site.store.comments.addComment(
            paperId: "2511.00001", parentId: nil, userId: target.id, body: "hello", at: TestSite.now)
        let parts = try await site.site.parts(environment: site.environment, overrides: .init(arxiv: site.arxiv))
        let router = buildRouter(parts.dependencies)
        let guarded = Route.examples.filter { $0.method != .get && !Self.isExempt($0) }.map { Self.concrete($0, commentId: comment.id) }
        #expect(guarded.count >= 30, "\(guarded.map(\.path))")
        for expected: Route in [
            .paperAction(id: "2511.00001", .upvote), .logIn, .signUp, .changeSettings(.delete), .subscribe, .confirmSubscription,
            .memberAction(name: "target", .ban),
        ] {
            #expect(guarded.contains(expected), "\(expected.path) is enumerated in \(guarded.map(\.path))")
        }
        let app = Application(router: router)
        try await app.test(.router) { client in
            let admin = Browser(client)
            try await admin.logIn("root", password: "password-root")
            try await admin.get("/settings")
            for route in guarded {
                let (method, path) = (route.method, route.path)
                for token in [nil, String(repeating: "a", count: 64)] {
                    var fields = ["reason": "spam", "username": "target", "role": "member", "body": "x", "paper": "2511.00001"]
                    fields["csrf"] = token
                    let response = try await admin.post(path, fields, csrf: false)
                    #expect(response.status == .forbidden, "\(method) \(path) with token \(token ?? "none")")
                    #expect(response.text.contains("This form expired or was sent from another site"), "\(method) \(path)")
                }
            }
            // Nothing changed: the comment is there, the member is not banned, the admin is still signed in.
            #expect(try await site.store.comments.comment(id: comment.id)?.comment.isVisible == true)
            #expect(try await site.store.users.user(named: "target")?.banned == false)
            #expect(try await admin.get("/settings").status == .ok)
        }
    }

    @Test("script in usernames, titles, abstracts, comments and organization names is shown as text")
    func xssIsText() async throws {
        let payload = "<script>alert(1)</script>"
        var paper = SamplePapers.paper("2511.04001", title: "Title \(payload)", featured: "2025-11-03", upvotes: 1)
        paper.abstract = "Abstract <img src=x onerror=alert(2)>"
        paper.authors = ["Eve \(payload)"]
        let site = try await CommunitySite(papers: WebFixtures.papers + [paper])
        try await site.member("eve")
        try await site.run { client in
            let browser = Browser(client)
            let refused = try await browser.signUp("<script>alert(3)</script>")
            #expect(
                refused.status == .badRequest && refused.text.contains("&lt;script&gt;alert(3)&lt;/script&gt;")
                    && !refused.text.contains("<script>alert(3)"))

            try await browser.logIn("eve", password: "password-eve")
            try await browser.get("/papers/2511.04001")
            try await browser.post("/papers/2511.04001/comments", ["body": "\(payload) [click](javascript:alert(4)) <a href=x>y</a>"])
            try await browser.get("/organizations/new")
            try await browser.post("/organizations/new", ["name": "evil", "fullname": "Evil \(payload)"])

            for path in [
                "/papers/date/2025-11-03", "/papers/2511.04001", "/users/eve", "/evil", "/authors/Eve%20%3Cscript%3Ealert(1)%3C%2Fscript%3E",
            ] {
                for viewer in [client, nil] as [(any TestClientProtocol)?] {
                    let page = viewer == nil ? try await browser.get(path) : try await client.get(path)
                    #expect(page.status == .ok, "\(path)")
                    #expect(!page.text.contains(payload) && !page.text.contains("<img src=x"), "\(path)")
                    #expect(!page.text.contains("href=\"javascript:"), "\(path)")
                }
            }
            let paperPage = try await client.get("/papers/2511.04001")
            #expect(paperPage.text.contains("Title &lt;script&gt;alert(1)&lt;/script&gt;"))
            #expect(paperPage.text.contains("&lt;a href=x&gt;y&lt;/a&gt;"))
            #expect(try await client.get("/evil").text.contains("Evil &lt;script&gt;"))
        }
    }

    @Test("SQL metacharacters in every field are stored and shown as typed, and break nothing")
    func sqlMetacharacters() async throws {
        let site = try await CommunitySite()
        let tricky = "Robert'); DROP TABLE users;-- \" % _ \\ ;"
        try await site.run { client in
            let browser = Browser(client)
            let signup = try await browser.signUp("o_brien-1", email: "o'brien%_@example.org", password: tricky)
            #expect(signup.status == .ok)
            try await browser.get("/")
            try await browser.post("/logout")
            #expect(try await browser.logIn("o'brien%_@example.org", password: tricky).status == .found)
            #expect(try await browser.logIn("' OR '1'='1", password: "' OR '1'='1").status == .unauthorized)
            #expect(try await browser.logIn("o_brien-1", password: tricky).status == .found)
            try await browser.get("/papers/2511.00001")
            // Mail is on and the address is unconfirmed: confirm it through the link first.
            let token = try #require(try await site.mailedTokens(to: "o'brien%_@example.org", kind: "verify-email").first)
            try await browser.post("/verify-email", ["token": token])
            try await browser.get("/papers/2511.00001")
            #expect(try await browser.post("/papers/2511.00001/comments", ["body": tricky]).status == .found)
            try await browser.get("/organizations/new")
            #expect(try await browser.post("/organizations/new", ["name": "bobby", "fullname": tricky]).status == .found)
            #expect(try await browser.post("/organizations/new", ["name": "x'; --", "fullname": "x"]).status == .badRequest)
            #expect(try await client.get("/users/%27%20OR%20%271%27%3D%271").status == .notFound)
            #expect(try await client.get("/authors/%25").text.contains("No paper here lists this author"))

            #expect(try await site.store.comments.comments(paperId: "2511.00001").first?.body == tricky)
            #expect(try await site.store.organizations.organization(named: "bobby")?.fullname == tricky)
            #expect(try await site.store.users.userCount() == 1)
            #expect(try await site.site.temporary.store.count() == WebFixtures.papers.count)
        }
    }
}
