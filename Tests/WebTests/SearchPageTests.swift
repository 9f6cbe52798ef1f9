import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import PapersCore
import Search
import Storage
import TestSupport
import Testing

@testable import Web

/// The search page, its feeds and the search and similar-papers API, with the real model on a real SQLite file.
@Suite struct SearchPageTests {
    static func paper(
        _ id: String, _ title: String, _ abstract: String, published: String = "2025-06-01T00:00:00.000Z", upvotes: Int = 0,
        organization: Organization? = nil
    ) -> Paper {
        var paper = SamplePapers.paper(id, title: title, featured: "2025-10-30", upvotes: upvotes, published: published, organization: organization)
        paper.abstract = abstract
        return paper
    }

    static let papers: [Paper] =
        [
            paper(
                "2506.00001", "Teaching robot arms to grasp household objects",
                "A robot manipulator learns to pick up cups and bottles from camera images.", upvotes: 40),
            paper(
                "2506.00002", "Video generation with diffusion models", "We generate long videos with a latent diffusion model.",
                published: "2024-03-01T00:00:00.000Z", upvotes: 5),
            paper(
                "2506.00003", "Diffusion for image editing", "Editing photographs with a diffusion model; <script>alert(1)</script> stays text.",
                published: "2025-08-01T00:00:00.000Z", upvotes: 12, organization: Organization(name: "nvidia", fullname: "NVIDIA")),
            paper("2506.00004", "Protein structure prediction", "Folding amino acid chains into three-dimensional shapes.", upvotes: 7),
        ]
        + (1...24).map {
            paper(
                String(format: "2507.%05d", $0), "Sparse attention study \($0)", "Attention layers made sparse, part \($0).",
                published: String(format: "2025-07-%02dT00:00:00.000Z", $0))
        }

    /// A site whose papers are all embedded, with search by meaning on.
    static func withSearch(_ body: @escaping @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        let site = try await TestSite(papers: papers)
        let embedder = try ModelFiles.embedder()
        let database = site.temporary.database
        _ = try await EmbeddingJob(embedder: embedder, database: database).run()
        let semantic = SemanticIndex(embedder: embedder, database: database)
        try await semantic.refresh()
        try await site.run(semantic: semantic, body)
    }

    @Test func resultsMarkTheSearchedWordsAndEscapeEverythingElse() async throws {
        try await Self.withSearch { client in
            let html = try await client.get("/papers/search?q=diffusion+%3Cscript%3E").text
            #expect(html.contains("<mark>Diffusion</mark> for image editing"))
            #expect(html.contains("&lt;<mark>script</mark>&gt;alert(1)&lt;/<mark>script</mark>&gt; stays text"))
            #expect(!html.contains("<script>alert(1)"))
            #expect(html.contains("value=\"diffusion &lt;script&gt;\""))
        }
    }

    @Test func aQuestionMarksTheWordsThatRankNotItsStopWordsOrShortPrefixes() {
        let marked = Highlighter(words: KeywordQuery("how can a robot learn to pick up cups").highlightedWords)
        #expect(
            marked.highlight("A robot aims to pick up cups and bottles").rendered
                == "A <mark>robot</mark> aims to <mark>pick</mark> up <mark>cups</mark> and bottles")
        #expect(Highlighter(words: ["ai"]).highlight("AI aims").rendered == "<mark>AI</mark> aims", "two letters mark only themselves")
        #expect(Highlighter(words: ["robot"]).highlight("Robots").rendered == "<mark>Robots</mark>")
    }

    @Test func meaningFindsPapersThatShareNoWordWithTheQuery() async throws {
        try await Self.withSearch { client in
            let html = try await client.get("/papers/search?q=machines+that+pick+things+up&mode=semantic").text
            let robot = try #require(html.range(of: "Teaching robot arms"))
            let protein = html.range(of: "Protein structure")
            #expect(protein.map { robot.lowerBound < $0.lowerBound } ?? true)
            #expect(html.contains("% similar"))
        }
    }

    @Test func resultsArePagedTwentyAtATime() async throws {
        try await Self.withSearch { client in
            let first = try await client.get("/papers/search?q=sparse+attention&mode=keyword").text
            #expect(first.components(separatedBy: "<li class=\"card\" id=\"paper-").count - 1 == 20)
            #expect(first.contains("24 results · 1–20"))
            #expect(first.contains("rel=\"next\" href=\"/papers/search?q=sparse%20attention&amp;mode=keyword&amp;p=1\""))
            let second = try await client.get("/papers/search?q=sparse+attention&mode=keyword&p=1").text
            #expect(second.components(separatedBy: "<li class=\"card\" id=\"paper-").count - 1 == 4)
            #expect(second.contains("rel=\"prev\""))
            #expect(!second.contains("rel=\"next\""))
        }
    }

    @Test func formFiltersAndSortOrdersApply() async throws {
        try await Self.withSearch { client in
            let byDate = try await client.get("/papers/search?q=diffusion&sort=date").text
            let newer = try #require(byDate.range(of: "image editing"))
            let older = try #require(byDate.range(of: "Video generation"))
            #expect(newer.lowerBound < older.lowerBound)
            let filtered = try await client.get("/papers/search?q=diffusion&after=2025-01-01&mode=keyword").text
            #expect(filtered.contains("image editing") && !filtered.contains("Video generation"))
            let organization = try await client.get("/papers/search?q=diffusion&org=nvidia&mode=keyword").text
            #expect(organization.contains("image editing") && !organization.contains("Video generation"))
            let byUpvotes = try await client.get("/papers/search?q=diffusion+robot&sort=upvotes&mode=keyword").text
            let most = try #require(byUpvotes.range(of: "arms to grasp"))
            let fewer = try #require(byUpvotes.range(of: "image editing"))
            #expect(most.lowerBound < fewer.lowerBound)
        }
    }

    @Test func pastedIdsAndURLsOpenThePaper() async throws {
        try await Self.withSearch { client in
            for pasted in [
                "2506.00004", "2506.00004v3", "https://arxiv.org/abs/2506.00004", "https://arxiv.org/pdf/2506.00004v1.pdf",
                "https://huggingface.co/papers/2506.00004",
            ] {
                let response = try await client.get("/papers/search?q=\(TextEncoding.percentEncode(pasted))")
                #expect(response.status == .seeOther, "\(pasted)")
                #expect(response.headers[.location] == "/papers/2506.00004")
            }
            let unknown = try await client.get("/papers/search?q=2601.99999")
            #expect(unknown.status == .ok)
            #expect(unknown.text.contains("arXiv 2601.99999 is not on DailyPapers yet"))
            #expect(unknown.text.contains("/papers/submit?id=2601.99999"))
        }
    }

    @Test func malformedSyntaxIsSearchedAndBadParametersAreRefused() async throws {
        try await Self.withSearch { client in
            for query in ["%22unclosed", "author%3A", "year%3Anext", "-", "%3A%3A%3A", "%22%22"] {
                #expect(try await client.get("/papers/search?q=\(query)").status == .ok, "\(query)")
            }
            let badDate = try await client.get("/papers/search?q=x&after=yesterday")
            #expect(badDate.status == .badRequest)
            #expect(badDate.text.contains("after must be a date such as 2025-01-31"))
            #expect(try await client.get("/papers/search?q=x&sort=random").status == .badRequest)
            #expect(try await client.get("/papers/search?q=\(String(repeating: "a", count: 4_001))").status == .badRequest)
        }
    }

    @Test func theAPIAnswersLikeHuggingFaceAndChecksItsParameters() async throws {
        try await Self.withSearch { client in
            let response = try await client.get("/api/papers/search?q=robot+grasping")
            #expect(response.status == .ok)
            let items = try #require(try JSONSerialization.jsonObject(with: Data(response.text.utf8)) as? [[String: Any]])
            #expect(items.first?["title"] as? String == "Teaching robot arms to grasp household objects")
            #expect((items.first?["paper"] as? [String: Any])?["id"] as? String == "2506.00001")
            let limited = try await client.get("/api/papers/search?q=sparse+attention&limit=2").text
            #expect((try JSONSerialization.jsonObject(with: Data(limited.utf8)) as? [Any])?.count == 2)
            // list_papers() without a query: the papers, newest feed day first; an arXiv id finds its paper.
            let everything = try await client.get("/api/papers/search?limit=3")
            #expect(everything.status == .ok)
            #expect((try JSONSerialization.jsonObject(with: Data(everything.text.utf8)) as? [Any])?.count == 3)
            let byId = try await client.get("/api/papers/search?q=2506.00001").text
            #expect(
                ((try JSONSerialization.jsonObject(with: Data(byId.utf8)) as? [[String: Any]])?.first?["paper"] as? [String: Any])?["id"] as? String
                    == "2506.00001")
            #expect(try await client.get("/api/papers/search?q=x&limit=121").status == .badRequest)
            let typed = try await client.get("/api/papers/search?q=protein+struc&prefix=1&mode=keyword").text
            #expect(typed.contains("Protein structure prediction"))
        }
    }

    @Test func similarPapersComeNearestFirstWithoutThePaperItself() async throws {
        try await Self.withSearch { client in
            let response = try await client.get("/api/papers/2506.00002/similar?limit=3")
            #expect(response.status == .ok)
            let items = try #require(try JSONSerialization.jsonObject(with: Data(response.text.utf8)) as? [[String: Any]])
            #expect(items.count == 3)
            #expect(items.first?["id"] as? String == "2506.00003", "the other diffusion paper is nearest")
            #expect(!items.contains { $0["id"] as? String == "2506.00002" })
            let similarities = items.compactMap { $0["similarity"] as? Double }
            #expect(similarities == similarities.sorted(by: >) && similarities.count == 3)
            #expect(try await client.get("/api/papers/2601.99999/similar").status == .notFound)
            let page = try await client.get("/papers/2506.00002").text
            #expect(page.contains("<h2 id=\"similar-heading\">Similar papers</h2>"))
            #expect(page.contains("<a href=\"/papers/2506.00003\">Diffusion for image editing</a>"))
        }
    }

    @Test func aSearchHasItsOwnFeeds() async throws {
        try await Self.withSearch { client in
            let page = try await client.get("/papers/search?q=diffusion").text
            #expect(page.contains("href=\"/papers/search/feed.atom?q=diffusion\""))
            let atom = try await client.get("/papers/search/feed.atom?q=diffusion&mode=keyword")
            #expect(atom.status == .ok)
            #expect(atom.headers[.contentType]?.hasPrefix("application/atom+xml") == true)
            #expect(atom.text.contains("Diffusion for image editing") && atom.text.contains("Video generation with diffusion models"))
            #expect(!atom.text.contains("Protein structure"))
            #expect(try await client.get("/papers/search/feed.rss").status == .badRequest)
        }
    }

    @Test func withoutTheModelSearchIsByWordsAndSaysSo() async throws {
        let site = try await TestSite(papers: Self.papers)
        try await site.run { client in
            let html = try await client.get("/papers/search?q=diffusion").text
            #expect(html.contains("Search by meaning is off on this server"))
            #expect(html.contains("<mark>Diffusion</mark> for image editing"))
            #expect(!html.contains("% similar"))
            let header = try await client.get("/").text
            #expect(header.contains("<form class=\"header-search\" method=\"get\" action=\"/papers/search\""))
        }
    }
}
