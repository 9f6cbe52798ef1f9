import Foundation
import PapersCore
import Testing

@testable import Mail

/// The digest mail of a paper full of hostile text: no executable markup, no link that is not http(s), no control.
@Suite struct HostileDigestTests {
    @Test func aHostilePaperIsInertInTheDigest() throws {
        var paper = Paper(
            id: "2501.00101", arxivId: "2501.00101", title: "<script>alert(1)</script> \"><img src=x onerror=alert(1)>",
            abstract: "' onmouseover='x' \u{1}\u{0} ]]> javascript:alert(1)", authors: ["<b onclick=x>A</b>"],
            organization: Organization(name: "hostile", fullname: "Evil\u{1} <i>Org</i>")
        )
        paper.githubRepo = "javascript:alert(document.cookie)"
        let html = DigestHTML.block(paper, site: SiteAddress("https://papers.example.org")).rendered
        #expect(html.range(of: #"<[^>]*\son[a-z]+\s*="#, options: .regularExpression) == nil)
        #expect(!html.contains("<script") && !html.contains("<img") && !html.contains("<b ") && !html.contains("<i>"))
        #expect(!html.contains("javascript:alert(document.cookie)"), "a link that is not http(s) is never rendered")
        #expect(!TextEncoding.hasForbiddenControl(html))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        let text = DigestText.block(paper, site: SiteAddress("https://papers.example.org"))
        #expect(!text.contains("Code: javascript:"))
    }
}
