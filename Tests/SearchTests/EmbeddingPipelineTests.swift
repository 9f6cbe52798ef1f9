import Embeddings
import Foundation
import PapersCore
import Search
import Storage
import TestSupport
import Testing

/// The embedding pipeline on both engines: what is missing, resuming, one embedder at a time, stale vectors, and
/// a second instance's index following what the first one wrote.
@Suite struct EmbeddingPipelineTests {
    let now = Timestamp(iso: "2026-08-21T21:00:00Z") ?? Timestamp(millisecondsSinceEpoch: 0)

    func papers(_ count: Int) -> [PaperUpdate] {
        (1...count).map { index in
            var paper = SamplePapers.paper(String(format: "2608.%05d", index), title: "Paper number \(index) on topic \(index % 3)")
            paper.abstract = ["Robots grasp cups.", "Proteins fold into shapes.", "Markets move on news."][index % 3]
            return SamplePapers.update(paper)
        }
    }

    @Test(arguments: TestEngine.allCases) func theJobFillsInWhatIsMissingAndResumes(engine: TestEngine) async throws {
        let embedder = try ModelFiles.embedder()
        try await TestDatabase.with(engine) { database async throws in
            let store = SQLPaperStore(database: database)
            let embeddings = SQLEmbeddingStore(database: database)
            _ = try await store.apply(papers(40), at: now)
            // A first run stopped after its first batch: that batch is stored, the rest is still missing.
            let partial = Task {
                try await EmbeddingJob(embedder: embedder, database: database, batchSize: 16).run(afterBatch: { throw CancellationError() })
            }
            await #expect(throws: CancellationError.self) { try await partial.value }
            #expect(try await embeddings.progress(model: SentenceEmbedder.modelName) == (16, 24))
            let outcome = try await EmbeddingJob(embedder: embedder, database: database, batchSize: 16).run()
            #expect(outcome == .finished(embedded: 24))
            #expect(try await embeddings.progress(model: SentenceEmbedder.modelName) == (40, 0))
            #expect(try await EmbeddingJob(embedder: embedder, database: database).run() == .finished(embedded: 0))
            let stored = try await embeddings.embeddings(model: SentenceEmbedder.modelName, after: 0, limit: 100)
            #expect(stored.count == 40)
            #expect(stored.map(\.seq) == stored.map(\.seq).sorted() && Set(stored.map(\.seq)).count == 40)
            #expect(stored.allSatisfy { PackedVector(bytes: $0.bytes, dimensions: SentenceEmbedder.dimensions) != nil })
        }
    }

    @Test(arguments: TestEngine.allCases) func theBackgroundEmbedderScansOnceThenFollowsTheChangeLog(engine: TestEngine) async throws {
        let embedder = try ModelFiles.embedder()
        try await TestDatabase.with(engine) { database async throws in
            let store = SQLPaperStore(database: database)
            var updates = papers(5)
            _ = try await store.apply(updates, at: now)
            let index = SemanticIndex(embedder: embedder, database: database)
            let background = BackgroundEmbedder(job: EmbeddingJob(embedder: embedder, database: database, batchSize: 4), index: index)
            #expect(try await background.round() == 5, "the first round embeds every paper")
            #expect(index.vectors.count == 5)
            #expect(try await background.round() == 0)
            // Another process embeds the next paper (so the change log names it, but nothing is missing), then a new
            // paper and an edited abstract arrive: only those two are embedded.
            _ = try await store.apply([papers(6)[5]], at: now)
            _ = try await EmbeddingJob(embedder: embedder, database: database).run()
            _ = try await store.apply(Array(papers(7)[6...]), at: now)
            updates[0].paper.abstract = "Galaxies and dark matter in the early universe."
            _ = try await store.apply([updates[0]], at: now)
            #expect(try await background.round() == 2)
            #expect(index.vectors.count == 7)
            #expect(try await SQLEmbeddingStore(database: database).progress(model: SentenceEmbedder.modelName) == (7, 0))
            // While another process holds the embedder lock, the round leaves the work and looks again next time.
            _ = try await store.apply(Array(papers(8)[7...]), at: now)
            let blocked = try await database.withExclusiveLock(SQLEmbeddingStore.writerLock) { try await background.round() }
            #expect(blocked == 0)
            #expect(try await background.round() == 1)
        }
    }

    @Test(arguments: TestEngine.allCases) func oneEmbedderAtATime(engine: TestEngine) async throws {
        let embedder = try ModelFiles.embedder()
        try await TestDatabase.with(engine) { database async throws in
            _ = try await SQLPaperStore(database: database).apply(papers(3), at: now)
            let other = try await database.withExclusiveLock(SQLEmbeddingStore.writerLock) {
                try await EmbeddingJob(embedder: embedder, database: database).run()
            }
            #expect(other == .otherEmbedderActive)
        }
    }

    @Test(arguments: TestEngine.allCases) func aChangedAbstractIsEmbeddedAgain(engine: TestEngine) async throws {
        let embedder = try ModelFiles.embedder()
        try await TestDatabase.with(engine) { database async throws in
            let store = SQLPaperStore(database: database)
            let embeddings = SQLEmbeddingStore(database: database)
            var updates = papers(3)
            _ = try await store.apply(updates, at: now)
            _ = try await EmbeddingJob(embedder: embedder, database: database).run()
            let index = SemanticIndex(embedder: embedder, database: database)
            try await index.refresh()
            let before = try #require(index.vectors.vector(of: "2608.00001"))
            updates[0].paper.abstract = "Galaxies and dark matter in the early universe."
            _ = try await store.apply([updates[0]], at: now)
            #expect(try await embeddings.progress(model: SentenceEmbedder.modelName) == (2, 1))
            _ = try await EmbeddingJob(embedder: embedder, database: database).run()
            #expect(try await index.refresh() == 1)
            let after = try #require(index.vectors.vector(of: "2608.00001"))
            #expect(zip(before, after).reduce(0) { $0 + $1.0 * $1.1 } < 0.9)
        }
    }

    @Test(arguments: TestEngine.allCases) func anotherInstancesIndexFollowsWhatTheFirstWrote(engine: TestEngine) async throws {
        let embedder = try ModelFiles.embedder()
        try await TestDatabase.with(engine) { database async throws in
            let store = SQLPaperStore(database: database)
            let first = SemanticIndex(embedder: embedder, database: database)
            let second = SemanticIndex(embedder: embedder, database: database)
            _ = try await store.apply(papers(6), at: now)
            _ = try await EmbeddingJob(embedder: embedder, database: database).run(afterBatch: { try await first.refresh() })
            #expect(first.vectors.count == 6)
            #expect(try await second.refresh() == 6)
            let search = PaperSearch(store: store, semantic: second)
            let ranked = try await search.rank(KeywordQuery("robotic manipulation"), mode: .semantic)
            #expect(["2608.00003", "2608.00006"].contains(ranked.first?.paperId ?? ""), "a paper about robots grasping comes first")
            let hybrid = try await search.rank(KeywordQuery("proteins"), mode: .hybrid)
            #expect(hybrid.prefix(2).allSatisfy { ["2608.00001", "2608.00004"].contains($0.paperId) })
        }
    }
}
