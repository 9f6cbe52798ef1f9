import Foundation
import PapersCore
import Search
import Storage
import TestSupport
import Testing

/// Relevance feedback in the embedding space: the moved query, and a hybrid search ranking by it.
@Suite struct MeaningFeedbackTests {
    @Test func theMovedQueryIsTheUnitSumOfTheQueryAndTheCentroid() throws {
        let moved = try #require(MeaningFeedback.moved([1, 0, 0], toward: [[0, 1, 0], [0, 0, 1]]))
        let length = (1 + 0.25 + 0.25 as Float).squareRoot()
        #expect(zip(moved, [1 / length, 0.5 / length, 0.5 / length]).allSatisfy { abs($0 - $1) < 1e-6 })
        #expect(abs(moved.reduce(0) { $0 + $1 * $1 } - 1) < 1e-6)
    }

    @Test func withoutPapersOrWithVectorsOfAnotherSizeTheQueryStays() {
        #expect(MeaningFeedback.moved([1, 0], toward: []) == nil)
        #expect(MeaningFeedback.moved([1, 0], toward: [[0, 1, 0]]) == nil)
        #expect(MeaningFeedback.moved([1, 0], toward: [[-1, 0]]) == nil)
    }

    static let abstracts: [(title: String, abstract: String)] = [
        ("Robot arms grasping household objects", "A manipulator learns to pick up cups and bottles from camera images."),
        ("Parallel-jaw gripper design for bin picking", "Compliant fingers and suction let a gripper lift parts out of a cluttered bin."),
        ("Tactile sensing for dexterous hands", "Touch sensors on fingertips tell a hand how firmly it holds what it carries."),
        ("Learning to stack blocks", "A policy trained in simulation stacks wooden blocks into towers on a real table."),
        ("Protein structure prediction", "Folding amino acid chains into three-dimensional shapes with attention."),
        ("Market prices and the news", "Stock prices move within minutes of a headline; we measure how far."),
        ("How machines read handwriting", "Recognising handwritten digits and letters with convolutional networks."),
        ("Weather forecasting with graph networks", "Global forecasts ten days ahead from a graph over the sphere."),
    ]

    @Test func aHybridSearchRanksByTheMovedQueryAndShowsTheTypedQuerysSimilarity() async throws {
        let embedder = try ModelFiles.embedder()
        try await TestDatabase.with(.sqlite) { database async throws in
            let store = SQLPaperStore(database: database)
            let updates = Self.abstracts.enumerated().map { index, text in
                var paper = SamplePapers.paper(String(format: "2608.%05d", index + 1), title: text.title)
                paper.abstract = text.abstract
                return SamplePapers.update(paper)
            }
            _ = try await store.apply(updates, at: Timestamp(millisecondsSinceEpoch: 1_787_000_000_000))
            _ = try await EmbeddingJob(embedder: embedder, database: database).run()
            let semantic = SemanticIndex(embedder: embedder, database: database)
            try await semantic.refresh()
            let search = PaperSearch(store: store, semantic: semantic)
            let question = "how can machines pick up things they have never seen before"
            let ranked = try await search.rank(KeywordQuery(question), mode: .hybrid)
            let typed = embedder.embed(question)
            for result in ranked {
                let cosine = try #require(semantic.similarity(of: result.paperId, to: typed))
                #expect(abs((result.similarity ?? -2) - cosine) < 1e-5, "\(result.paperId) shows its similarity to the query as typed")
            }
            let keyword = try await search.rank(KeywordQuery(question), mode: .keyword).map { ($0.paperId, $0.score) }
            let weight = HybridRanker.keywordWeight(for: KeywordQuery(question))
            let similarities = Dictionary(uniqueKeysWithValues: ranked.compactMap { r in r.similarity.map { (r.paperId, $0) } })
            let first = HybridRanker.fuse(keyword: keyword, similarities: similarities, keywordWeight: weight)
            let best = first.prefix(MeaningFeedback.papers).compactMap { semantic.vectors.vector(of: $0.paperId) }
            let moved = try #require(MeaningFeedback.moved(typed, toward: best))
            let again = Dictionary(
                uniqueKeysWithValues: similarities.keys.compactMap { id in semantic.similarity(of: id, to: moved).map { (id, $0) } })
            let second = HybridRanker.fuse(keyword: keyword, similarities: again, keywordWeight: weight)
            #expect(ranked.map(\.paperId) == second.map(\.paperId))
            // One pass puts the handwriting paper, which shares only "machines", above the hands that hold things.
            #expect(first.map(\.paperId) == ["2608.00001", "2608.00007", "2608.00002", "2608.00003"])
            #expect(ranked.map(\.paperId) == ["2608.00001", "2608.00003", "2608.00002", "2608.00007"])
        }
    }
}
