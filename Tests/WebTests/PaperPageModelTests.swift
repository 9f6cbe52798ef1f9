import PapersCore
import Presentation
import TestSupport
import Testing

@testable import Web

/// The paper page's model: what the page says about a paper, readable without parsing HTML.
@Suite struct PaperPageModelTests {
    static let now = Timestamp(iso: "2025-11-05T12:00:00.000Z") ?? Timestamp(millisecondsSinceEpoch: 0)

    func model(_ paper: Paper) -> PaperPageModel {
        PaperPageModel(paper: paper, comments: nil, similar: [], currentYear: 2025, now: Self.now, viewer: nil)
    }

    @Test func factsLinkWhereTheyLead() {
        var paper = SamplePapers.paper(
            "2511.00001", title: "A", featured: "2025-11-03", upvotes: 7, organization: Organization(name: "nvidia", fullname: "NVIDIA"))
        paper.submittedBy = "akhaliq"
        paper.doi = "10.1000/x"
        let facts = model(paper).facts
        #expect(model(paper).upvoteSplit == (7, 7, 0), "all 7 upvotes came with the import")
        #expect(facts.contains(.init(label: "Organization", value: "NVIDIA", href: "/nvidia", isName: true)))
        #expect(facts.contains(.init(label: "Featured", value: "Nov 3, 2025", href: "/papers/date/2025-11-03")))
        #expect(facts.contains(.init(label: "Submitted by", value: "akhaliq (on Hugging Face)", href: "/users/akhaliq")))
        paper.submittedHere = true
        #expect(model(paper).facts.contains(.init(label: "Submitted by", value: "akhaliq", href: "/users/akhaliq")))
        paper.community = CommunityCounts(upvotes: 2, comments: 1)
        #expect(model(paper).upvoteSplit == (7, 5, 2), "the total holds ours; Hugging Face's part is the rest")
        #expect(facts.contains(.init(label: "DOI", value: "10.1000/x", href: "https://doi.org/10.1000/x")))
        #expect(!facts.contains { $0.label == "Comments" }, "no comment count when there are none")
    }

    @Test func linksGoToArxivAndOnlyToWebAddresses() {
        var paper = SamplePapers.paper("2511.00002", title: "B")
        paper.projectPage = "javascript:alert(1)"
        let links = model(paper).links
        #expect(links.map(\.label).prefix(2) == ["arXiv page", "PDF"])
        #expect(links.first?.url == "https://arxiv.org/abs/2511.00002" && links.first?.external == false)
        #expect(!links.contains { $0.label == "Project page" }, "only http(s) links are shown")
    }
}
