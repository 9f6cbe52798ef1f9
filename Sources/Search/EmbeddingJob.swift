import Embeddings
import PapersCore
import Storage

/// Fills in missing embeddings: papers without one are read in batches, embedded, and each batch is written in one
/// transaction, so a stopped run loses nothing and the next one resumes where it ended. One process at a time
/// (the database's `embedder` lock); the others find the lock taken and leave the work to it.
public struct EmbeddingJob: Sendable {
    /// How a run ended.
    public enum Outcome: Sendable, Equatable {
        case finished(embedded: Int)
        /// Another process holds the embedder lock.
        case otherEmbedderActive
    }

    public let embedder: SentenceEmbedder
    public let database: any SQLDatabase
    public let batchSize: Int

    public init(embedder: SentenceEmbedder, database: any SQLDatabase, batchSize: Int = 256) {
        self.embedder = embedder
        self.database = database
        self.batchSize = batchSize
    }

    /// Embeds every paper that lacks a vector (or, given `candidates`, those of them that lack one), calling
    /// `progress(done, total)` after each batch and `afterBatch` (e.g. an index refresh) once the batch is stored.
    /// Stops early when the task is cancelled.
    public func run(
        candidates: [String]? = nil,
        progress: @Sendable (Int, Int) -> Void = { _, _ in },
        afterBatch: @Sendable () async throws -> Void = {}
    ) async throws -> Outcome {
        let store = SQLEmbeddingStore(database: database)
        let outcome: Outcome? = try await database.withExclusiveLock(SQLEmbeddingStore.writerLock) {
            let total = candidates == nil ? try await store.progress(model: SentenceEmbedder.modelName).missing : 0
            var done = 0
            var unchecked = candidates.map { ArraySlice($0) }
            progress(0, total)
            while !Task.isCancelled {
                let papers: [PaperText]
                if let rest = unchecked {
                    guard !rest.isEmpty else { break }
                    papers = try await store.papersWithoutEmbedding(model: SentenceEmbedder.modelName, among: Array(rest.prefix(batchSize)))
                    unchecked = rest.dropFirst(batchSize)
                    if papers.isEmpty { continue }
                } else {
                    papers = try await store.papersWithoutEmbedding(model: SentenceEmbedder.modelName, limit: batchSize)
                    guard !papers.isEmpty else { break }
                }
                let vectors = await embedder.embed(papers.map(\.embeddingInput))
                try await store.save(zip(papers, vectors).map { ($0.paperId, PackedVector($1).bytes) }, model: SentenceEmbedder.modelName)
                done += papers.count
                progress(done, max(total, done))
                try await afterBatch()
            }
            return .finished(embedded: done)
        }
        return outcome ?? .otherEmbedderActive
    }
}
