import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import PapersCore
import Storage
import TestSupport
import Testing

@Suite("Submitting papers")
struct SubmissionTests {
    static func recorded(_ server: RecordedArxiv, _ id: String, published: String) throws {
        server.answer(id, with: [.init(body: try RecordedArxiv.recordedEntry(id: id, published: published))])
    }

    /// Runs `body` with "sam" logged in on the submit page of a site whose arXiv is `arxiv`.
    static func asSubmitter(_ arxiv: RecordedArxiv, _ body: @escaping @Sendable (Browser, CommunitySite) async throws -> Void) async throws {
        try await arxiv.serve { endpoint in
            let site = try await CommunitySite(arxiv: endpoint)
            try await site.member("sam")
            try await site.run { client in
                let browser = Browser(client)
                try await browser.logIn("sam", password: "password-sam")
                try await browser.get("/papers/submit")
                try await body(browser, site)
            }
        }
    }

    @Test("a member submits by id, arXiv URL or HF URL: fetched from arXiv, featured today, submitter shown; each rule refuses with its message")
    func submitRules() async throws {
        let arxiv = RecordedArxiv()
        for id in ["2511.01001", "2511.01002", "2511.01003", "2511.01004"] { try Self.recorded(arxiv, id, published: "2025-11-04T10:00:00Z") }
        try Self.recorded(arxiv, "2510.00500", published: "2025-10-01T10:00:00Z")
        try await Self.asSubmitter(arxiv) { browser, site in
            let byId = try await browser.post("/papers/submit", ["paper": "2511.01001"])
            #expect(byId.status == .found && byId.headers[.location] == "/papers/2511.01001")
            let page = try await browser.get("/papers/2511.01001")
            #expect(page.text.contains("Defining Data Science"))
            #expect(page.text.contains(#"<dt>Submitted by</dt><dd><a href="/users/sam">sam</a></dd>"#))
            #expect(page.text.contains("<dt>Featured</dt>") && page.text.contains("Nov 5, 2025"))
            let card = try await browser.get("/papers/date/2025-11-05").text
            #expect(card.contains("Defining Data Science"))
            #expect(card.contains(#" · submitted by <a href="/users/sam">sam</a> on <time datetime="2025-11-05">Nov 5</time>"#))

            #expect(try await browser.post("/papers/submit", ["paper": "https://arxiv.org/abs/2511.01002v2"]).status == .found)
            #expect(try await browser.post("/papers/submit", ["paper": "https://huggingface.co/papers/2511.01003"]).status == .found)

            let cases: [(String, HTTPResponse.Status, String)] = [
                ("2511.01001", .conflict, "a paper is featured once"),
                ("2511.00001", .conflict, "a paper is featured once"),
                ("2510.00500", .badRequest, "within the last 14 days"),
                ("not an id", .badRequest, "is not an arXiv id"),
                ("2401.00001' OR '1'='1", .badRequest, "is not an arXiv id"),
                ("2511.09999", .notFound, "arXiv has no paper"),
                ("2511.01004", .forbidden, "the daily limit"),
            ]
            for (input, status, message) in cases {
                let response = try await browser.post("/papers/submit", ["paper": input])
                #expect(response.status == status, "\(input)")
                #expect(response.text.contains(message), "\(input): \(message)")
            }
            #expect(try await site.site.temporary.store.paper(id: "2510.00500")?.featuredOn == nil)
        }
    }

    @Test("arXiv being down is a clear 503, and nothing is stored")
    func arxivDown() async throws {
        let arxiv = RecordedArxiv()
        arxiv.answer("2511.01001", with: [.init(status: 503, body: "maintenance")])
        try await Self.asSubmitter(arxiv) { browser, site in
            let response = try await browser.post("/papers/submit", ["paper": "2511.01001"])
            #expect(response.status == .serviceUnavailable && response.text.contains("HTTP 503"))
            #expect(try await site.site.temporary.store.paper(id: "2511.01001") == nil)
        }
    }

    @Test("an unconfirmed address cannot submit while mail is on")
    func needsVerifiedEmail() async throws {
        let site = try await CommunitySite()
        try await site.run { client in
            let browser = Browser(client)
            try await browser.signUp("newbie")
            try await browser.logIn("newbie", password: "a-long-password")
            try await browser.get("/papers/submit")
            let response = try await browser.post("/papers/submit", ["paper": "2511.01001"])
            #expect(response.status == .forbidden && response.text.contains("Confirm your e-mail address first"))
        }
    }

    @Test("the API submits and indexes with a token; index adds without featuring and answers {}")
    func api() async throws {
        let arxiv = RecordedArxiv()
        try Self.recorded(arxiv, "2511.02001", published: "2025-11-04T10:00:00Z")
        try Self.recorded(arxiv, "2511.02002", published: "2025-11-04T10:00:00Z")
        try await arxiv.serve { endpoint in
            let site = try await CommunitySite(arxiv: endpoint)
            try await site.member("bot")
            try await site.run { client in
                let browser = Browser(client)
                try await browser.logIn("bot", password: "password-bot")
                let token = try await VoteTests.apiToken(browser)
                let auth: HTTPFields = [.authorization: "Bearer \(token)", .contentType: "application/json"]
                let indexed = try await client.execute(
                    uri: "/api/papers/index", method: .post, headers: auth, body: ByteBuffer(string: #"{"arxivId":"2511.02001"}"#))
                #expect(indexed.status == .created && indexed.text == "{}")
                let stored = try await site.site.temporary.store.paper(id: "2511.02001")
                #expect(stored?.title == "Defining Data Science" && stored?.featuredOn == nil)

                let submitted = try await client.execute(
                    uri: "/api/papers/submit", method: .post, headers: auth, body: ByteBuffer(string: #"{"paper_id":"2511.02002"}"#))
                #expect(
                    submitted.status == .created && submitted.text.contains(#""submittedOnDailyBy""#) && submitted.text.contains(#""user":"bot""#))
                let daily = try await client.get("/api/daily_papers?date=2025-11-05")
                #expect(daily.text.contains("2511.02002"))

                let bad = try await client.execute(uri: "/api/papers/submit", method: .post, headers: auth, body: ByteBuffer(string: "not json"))
                #expect(bad.status == .badRequest && bad.text.contains("must be JSON"))
                let anonymous = try await client.execute(
                    uri: "/api/papers/index", method: .post, body: ByteBuffer(string: #"{"arxivId":"2511.02001"}"#))
                #expect(anonymous.status == .unauthorized)
            }
        }
    }
}
