import HummingbirdTesting
import PapersCore
import TestSupport
import Testing
import Web

@Suite struct EscapingTests {
    static let payload = "<script>alert(1)</script>"

    static var hostilePapers: [Paper] {
        var paper = SamplePapers.paper(
            "2511.00042",
            title: payload,
            submitter: "\"><img src=x onerror=alert(2)>",
            organization: Organization(name: "evil", fullname: "<b onmouseover=alert(3)>Org</b>")
        )
        paper.abstract = "Abstract with \(payload) & an <iframe>."
        paper.authors = ["<svg onload=alert(4)>"]
        return [paper]
    }

    @Test(arguments: [
        "/", "/papers/date/2025-11-03", "/papers/week/2025-W45", "/papers/month/2025-11", "/papers/trending", "/papers/2511.00042", "/evil",
    ])
    func titlesAndUserTextAreShownAsText(path: String) async throws {
        let site = try await TestSite(papers: Self.hostilePapers)
        try await site.run { client async throws in
            let response = try await client.get(path)
            #expect(response.status == .ok)
            let html = response.text
            #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
            #expect(!html.contains("<script>"))
            #expect(!html.contains("<b onmouseover"))
            #expect(!html.contains("<img src=x"))
            #expect(!html.contains("<svg"))
            #expect(!html.contains("<iframe>"))
        }
    }

    @Test func markdownEscapesMarkupToo() async throws {
        let site = try await TestSite(papers: Self.hostilePapers)
        try await site.run { client async throws in
            let markdown = try await client.get("/papers/2511.00042.md").text
            #expect(markdown.hasPrefix("# &lt;script&gt;alert(1)&lt;/script&gt;"))
            #expect(!markdown.contains("<script>"))
        }
    }
}
