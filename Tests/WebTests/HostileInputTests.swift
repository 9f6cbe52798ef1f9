import Foundation
import Ingestion
import PapersCore
import Presentation
import TestSupport
import Testing

@testable import Web

#if canImport(FoundationXML)
import FoundationXML
#endif

/// A corpus of hostile payloads imported through every format, then every page, feed and API answer that shows
/// them: the HTML carries no executable markup, the XML parses, the JSON decodes, and nothing is a raw control.
@Suite("Hostile input")
struct HostileInputTests {
    static let payloads = [
        "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "' onmouseover='alert(1)", "javascript:alert(1)",
        "]]><x>", "&#x3C;script&#x3E;", "A\u{1}B\u{0}C\u{B}D\u{FFFE}", "\u{202E}evil\u{202C} right-to-left",
    ]
    /// Abstracts may be long (titles, names and the rest are refused past their limits): 60 KB of one word.
    static let huge = String(repeating: "W", count: 60_000)

    /// One file per import format, each record carrying every payload where that format has text or links.
    static func files() throws -> [String] {
        let text = payloads.joined(separator: " ")
        let abstract = text + " " + huge
        func json(_ object: Any) throws -> String { String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self) }
        let organization = ["name": "hostile", "fullname": "Hostile <b onclick=alert(1)>Org</b> \u{1}"]
        let seed = try json([
            "arxivId": "2501.00101", "title": "Seed " + text, "abstract": abstract, "authorCount": 3, "organization": organization,
            "publishedAt": "2025-01-10T00:00:00.000Z", "upvotes": 3, "codeUrls": ["javascript:alert(1)"], "position": 1,
        ])
        let daily = try json([
            "arxivId": "2501.00102", "title": "Daily " + text, "abstract": abstract, "authors": payloads, "dailyDate": "2025-11-03",
            "submittedBy": "hostile_user", "githubRepo": "https://github.com/a/b\"onclick=\"x", "organization": organization,
        ])
        let api = try json([
            "paper": [
                "id": "2501.00103", "title": "API " + text, "summary": abstract, "authors": payloads.map { ["name": $0] },
                "submittedOnDailyAt": "2025-11-03T10:00:00.000Z", "upvotes": 1,
                "submittedOnDailyBy": ["user": "hostile_user", "fullname": text, "avatarUrl": "https://a.example/x.png"],
            ],
            "title": "API " + text, "numComments": 0, "thumbnail": "https://a.example/t.png",
        ])
        let arxiv = try json([
            "id": "2501.00104", "submitter": text, "authors": "A <i>B</i>, C \u{1}", "title": "arXiv " + text, "abstract": abstract,
            "categories": "cs.CL", "versions": [["version": "v1", "created": "Mon, 6 Jan 2025 10:00:00 GMT"]],
        ])
        let own = try json([
            "schema": "dailypapers.paper/1", "id": "2501.00105", "arxivId": "2501.00105", "title": "Own " + text, "abstract": abstract,
            "authors": payloads, "authorCount": payloads.count, "upvotes": 2, "numComments": 0, "featuredOn": "2025-11-03",
            "aiKeywords": [], "categories": [], "mediaUrls": [], "organization": organization, "projectPage": "https://example.org/p?a=<b>",
        ])
        return try [seed, daily, api, arxiv, own].enumerated().map { index, line in
            try temporaryFile(Data((line + "\n").utf8), name: "hostile-\(index).jsonl")
        }
    }

    /// Executable markup in a page: an event attribute on a tag, a script that is not our asset, a `javascript:`
    /// link, or an element that loads or runs something. Tags are read with their quoted attribute values, so text
    /// inside a value (escaped quotes and all) is not mistaken for an attribute.
    static func executable(in html: String) -> String? {
        let tag = try! Regex(#"<([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s=>/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*)\s*/?>"#)
        let attribute = try! Regex(#"\s+([^\s=>/]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>]+))?"#)
        for match in html.matches(of: tag) {
            let name = String(match.output[1].substring ?? "").lowercased()
            if ["iframe", "object", "embed", "img", "base", "style"].contains(name) { return "<\(name)>" }
            let attributes = String(match.output[2].substring ?? "")
            for pair in attributes.matches(of: attribute) {
                let key = String(pair.output[1].substring ?? "").lowercased()
                let value = String(pair.output[2].substring ?? "").trimmingCharacters(in: CharacterSet(charactersIn: "\"' ")).lowercased()
                if key.hasPrefix("on") { return "\(name) \(key)=" }
                if key == "style" { return "\(name) style=" }
                if ["href", "src", "action", "formaction"].contains(key), value.hasPrefix("javascript:") || value.hasPrefix("data:") {
                    return "\(name) \(key)=\(value)"
                }
                if name == "script", key == "src", !value.hasPrefix("/assets/") { return "script src=\(value)" }
            }
            if name == "script", !attributes.contains("src=\"/assets/") { return "inline <script>" }
        }
        return nil
    }

    @Test("the check finds executable markup and leaves escaped text in attribute values alone")
    func theCheckFindsWhatItLooksFor() {
        #expect(Self.executable(in: #"<a href="/x" onclick="alert(1)">x</a>"#) != nil)
        #expect(Self.executable(in: "<p>ok</p><script>alert(1)</script>") != nil)
        #expect(Self.executable(in: #"<a href="JavaScript:alert(1)">x</a>"#) != nil)
        #expect(Self.executable(in: #"<img src=x onerror=alert(1)>"#) != nil)
        #expect(Self.executable(in: #"<meta name="description" content="&#39; onmouseover=&#39;alert(1)">"#) == nil)
        #expect(Self.executable(in: #"<script src="/assets/votes-1.js" defer></script><p>&lt;script&gt;</p>"#) == nil)
    }

    @Test("every format's hostile records render inert on every page, feed and API answer")
    func hostileRecordsRenderInert() async throws {
        let community = try await CommunitySite(papers: [])
        let site = community.site
        let summary = try await Importer(store: site.temporary.store).run(files: try Self.files(), now: TestSite.now)
        #expect(summary.counts.inserted == 5, "\(summary.rejections.map(\.description))")
        try await community.run { client in
            let ids = ["2501.00101", "2501.00102", "2501.00103", "2501.00104", "2501.00105"]
            let pages =
                ["/", "/papers/date/2025-11-03", "/papers/trending", "/hostile", "/users/hostile_user", "/papers/search?q=script"]
                + ids.map { "/papers/\($0)" }
            for path in pages {
                let page = try await client.get(path)
                #expect(page.status == .ok, "\(path)")
                #expect(Self.executable(in: page.text) == nil, "\(path): \(Self.executable(in: page.text) ?? "")")
                #expect(!TextEncoding.hasForbiddenControl(page.text), "\(path) carries a control character")
            }
            for path in ["/papers/feed.atom", "/papers/feed.rss", "/hostile/feed.atom", "/papers/search/feed.rss?q=script"] {
                let feed = try await client.get(path)
                let parser = XMLParser(data: Data(feed.text.utf8))
                #expect(parser.parse(), "\(path): \(parser.parserError.map { "\($0)" } ?? "")")
            }
            for path in ["/api/daily_papers?date=2025-11-03"] + ids.map({ "/api/papers/\($0)" }) {
                let answer = try await client.get(path)
                #expect((try? JSONSerialization.jsonObject(with: Data(answer.text.utf8))) != nil, "\(path)")
            }
            let markdown = try await client.get("/papers/2501.00105.md")
            #expect(markdown.status == .ok && !markdown.text.contains("](javascript:"), "no Markdown link that is not http(s)")
        }
    }
}
