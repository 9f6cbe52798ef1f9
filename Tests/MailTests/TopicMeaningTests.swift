import Foundation
import PapersCore
import TestSupport
import Testing

@testable import Mail

/// Digest topics matched by meaning with the real model: a topic finds papers that never use its words.
@Suite struct TopicMeaningTests {
    static func paper(_ id: String, _ title: String, _ abstract: String) -> Paper {
        var paper = SamplePapers.paper(id, title: title, featured: "2026-08-21")
        paper.abstract = abstract
        return paper
    }

    @Test func topicsMatchPapersByMeaningAsWellAsByWords() async throws {
        let embedder = try ModelFiles.embedder()
        let papers = [
            Self.paper(
                "2608.00001", "Dexterous manipulation policies for grasping cups",
                "A manipulator arm learns to pick up cups and bottles from camera images."),
            Self.paper("2608.00002", "Protein structure prediction", "Folding amino acid chains into three-dimensional shapes with attention."),
            Self.paper("2608.00003", "Stock market forecasting", "Predicting share prices of listed companies from news."),
        ]
        let vectors = Dictionary(uniqueKeysWithValues: zip(papers.map(\.id), await embedder.embed(papers.map { $0.title + "\n" + $0.abstract })))
        let meaning = TopicMeaning(embedTopic: { embedder.embed($0) }, paperVector: { vectors[$0] })
        let edition = DigestEdition(kind: .daily(try #require(Day(iso: "2026-08-21"))), rankedPapers: papers)
        let composer = DigestComposer(
            siteURL: "http://127.0.0.1:8080", sender: .init(address: try EmailAddress("papers@example.org")),
            signer: LinkSigner(secret: "a-test-secret-of-reasonable-length-000")
        )
        let withMeaning = composer.prepare(edition, meaning: meaning)
        let wordsOnly = composer.prepare(edition)
        #expect(wordsOnly.paperIndices(matching: ["robotics"]).isEmpty, "no paper says robotics")
        #expect(withMeaning.paperIndices(matching: ["robotics"]) == [0])
        #expect(wordsOnly.paperIndices(matching: ["protein folding", "stock prediction"]).isEmpty)
        #expect(withMeaning.paperIndices(matching: ["protein folding"]) == [1])
        #expect(withMeaning.paperIndices(matching: ["stock prediction", "robotics"]) == [0, 2])
        #expect(withMeaning.paperIndices(matching: ["attention"]) == [1], "a keyword match still counts")
        #expect(withMeaning.paperIndices(matching: ["medieval poetry"]).isEmpty)
    }
}
