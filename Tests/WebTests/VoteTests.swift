import Foundation
import HTTPTypes
import HummingbirdTesting
import PapersCore
import Storage
import Testing
import Web

@Suite("Upvotes")
struct VoteTests {
    /// An API token for a member, created through the settings page.
    static func apiToken(_ browser: Browser) async throws -> String {
        try await browser.get("/settings")
        let page = try await browser.post("/settings/tokens", ["name": "tests"])
        let range = try #require(page.text.range(of: #"dp_[0-9a-f]{64}"#, options: .regularExpression))
        return String(page.text[range])
    }

    @Test("the form toggles one vote per member; the count on cards and the page follows; the profile lists it")
    func formToggles() async throws {
        let site = try await CommunitySite()
        try await site.member("alice")
        try await site.run { client in
            let browser = Browser(client)
            try await browser.logIn("alice", password: "password-alice")
            let feed = try await browser.get("/papers/date/2025-11-03")
            #expect(feed.text.contains(#"<form class="vote" method="post" action="/papers/2511.00001/upvote" data-paper="2511.00001">"#))
            #expect(feed.text.contains(#"<script src="/assets/votes-"#))

            let json = try await browser.post("/papers/2511.00001/upvote", ["upvoted": "1"], headers: [.accept: "application/json"])
            #expect(json.text.contains(#""upvotes":31"#) && json.text.contains(#""upvoted":true"#))
            let again = try await browser.post("/papers/2511.00001/upvote", ["upvoted": "1"], headers: [.accept: "application/json"])
            #expect(again.text.contains(#""upvotes":31"#))

            let page = try await browser.get("/papers/2511.00001")
            #expect(page.text.contains(#"aria-pressed="true""#) && page.text.contains(#"<span class="count" data-upvotes="2511.00001">31</span>"#))
            #expect(
                page.text.contains(
                    #"<span data-upvotes="2511.00001">31</span> (30 on Hugging Face, <span data-upvotes-here="2511.00001">1</span> here)"#),
                "the facts list counts the member's upvote as ours")
            // Every page marks its own cards from the member's votes: the day's list, the voted card only.
            let day = try await browser.get("/papers/date/2025-11-03").text
            #expect(Self.button(of: "2511.00001", in: day)?.contains(#"aria-pressed="true""#) == true)
            #expect(Self.button(of: "2511.00002", in: day)?.contains(#"aria-pressed="false""#) == true)
            let profile = try await browser.get("/users/alice")
            #expect(profile.text.contains("Latest top"), "\(profile.status) \(profile.text.suffix(1500))")
            #expect(try await client.get("/api/papers/2511.00001").text.contains(#""upvotes":31"#))

            // Without JavaScript: a plain form post answers with a redirect back to the card that was voted on.
            let plain = try await browser.post(
                "/papers/2511.00001/upvote", ["upvoted": "0"], headers: [.referer: "http://x.test/papers/date/2025-11-03"])
            #expect(plain.status == .found && plain.headers[.location] == "/papers/date/2025-11-03#paper-2511.00001")
            #expect(try await browser.get("/papers/2511.00001").text.contains(#"<span class="count" data-upvotes="2511.00001">30</span>"#))
            #expect(
                try await client.get("/papers/2511.00001").text.contains(
                    #"<a class="vote" href="/login?next=/papers/2511.00001" aria-label="30 upvotes: log in to upvote">"#))
        }
    }

    @Test("100 concurrent upvotes by one member raise the count by exactly one; 100 concurrent removals lower it by one")
    func concurrentVotes() async throws {
        let site = try await CommunitySite()
        try await site.member("racer")
        try await site.run { client in
            let browser = Browser(client)
            try await browser.logIn("racer", password: "password-racer")
            let token = try await Self.apiToken(browser)
            for method in [HTTPRequest.Method.post, .delete] {
                let statuses = try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                    for _ in 0..<100 {
                        group.addTask {
                            try await client.execute(
                                uri: "/api/papers/2511.00002/upvote", method: method, headers: [.authorization: "Bearer \(token)"]
                            ).status
                        }
                    }
                    return try await group.reduce(into: []) { $0.append($1) }
                }
                #expect(statuses.allSatisfy { $0 == .ok })
                let expected = method == .post ? 21 : 20
                #expect(try await site.site.temporary.store.paper(id: "2511.00002")?.upvotes == expected)
            }
        }
    }

    @Test("the write API needs a valid token; an unknown paper is a 404; old-style ids work")
    func apiAuthentication() async throws {
        let site = try await CommunitySite()
        try await site.member("erin")
        try await site.run { client in
            #expect(try await client.execute(uri: "/api/papers/2511.00001/upvote", method: .post).status == .unauthorized)
            let bad = try await client.execute(
                uri: "/api/papers/2511.00001/upvote", method: .post, headers: [.authorization: "Bearer dp_" + String(repeating: "0", count: 64)])
            #expect(bad.status == .unauthorized && bad.text.contains("unknown or revoked"))
            let browser = Browser(client)
            try await browser.logIn("erin", password: "password-erin")
            let token = try await Self.apiToken(browser)
            let missing = try await client.execute(uri: "/api/papers/2599.99999/upvote", method: .post, headers: [.authorization: "Bearer \(token)"])
            #expect(missing.status == .notFound && missing.text.contains("No paper with id"))
            let oldStyle = try await client.execute(
                uri: "/api/papers/quant-ph/0210005/upvote", method: .post, headers: [.authorization: "Bearer \(token)"])
            #expect(oldStyle.status == .ok && oldStyle.text.contains(#""upvotes":1"#))
            // A session cookie does not authenticate the API: a cross-site form could send it.
            let cookieOnly = try await client.execute(
                uri: "/api/papers/2511.00001/upvote", method: .post, headers: [.cookie: "dp_session=\(browser.cookies["dp_session"] ?? "")"]
            )
            #expect(cookieOnly.status == .unauthorized)
        }
    }

    @Test("votes over the limit get 429 with RateLimit and RateLimit-Policy headers")
    func rateLimited() async throws {
        let limits = CommunitySite.limits(.vote, (3, 3))
        let site = try await CommunitySite(limits: limits)
        try await site.member("fast")
        try await site.run { client in
            let browser = Browser(client)
            try await browser.logIn("fast", password: "password-fast")
            let token = try await Self.apiToken(browser)
            for _ in 0..<3 {
                #expect(
                    try await client.execute(uri: "/api/papers/2511.00001/upvote", method: .post, headers: [.authorization: "Bearer \(token)"]).status
                        == .ok)
            }
            let limited = try await client.execute(uri: "/api/papers/2511.00001/upvote", method: .post, headers: [.authorization: "Bearer \(token)"])
            #expect(limited.status == .tooManyRequests)
            #expect(limited.headers[HTTPField.Name("RateLimit-Policy")!] == "3;w=300")
            #expect(limited.headers[HTTPField.Name("RateLimit")!]?.hasPrefix("limit=3, remaining=0, reset=") == true)
            #expect(limited.headers[.retryAfter] != nil)
        }
    }

    /// The vote button of `paperId`'s card in `page`.
    static func button(of paperId: String, in page: String) -> Substring? {
        guard let form = page.range(of: #"data-paper="\#(paperId)">"#), let end = page[form.upperBound...].range(of: "</button>") else { return nil }
        return page[form.upperBound..<end.upperBound]
    }
}
