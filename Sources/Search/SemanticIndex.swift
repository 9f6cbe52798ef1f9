import Embeddings
import Logging
import PapersCore
import Storage
import Synchronization

/// Search by meaning: the embedding model, and the vector index kept in step with `paper_embeddings`.
///
/// `refresh()` loads the vectors written since the last call (by this process or any other sharing the database);
/// `serve` calls it every few seconds, and the embedder calls it after each batch it writes.
public final class SemanticIndex: Sendable {
    public let embedder: SentenceEmbedder
    public let vectors: VectorIndex
    private let store: SQLEmbeddingStore
    private let loader = IndexLoader()
    private let queries = QueryCache()
    private let counted = Mutex<IndexCoverage?>(nil)

    public init(embedder: SentenceEmbedder, database: any SQLDatabase, exactLimit: Int = 50_000) {
        self.embedder = embedder
        self.vectors = VectorIndex(dimensions: SentenceEmbedder.dimensions, exactLimit: exactLimit)
        self.store = SQLEmbeddingStore(database: database)
    }

    /// Loads every vector written since the last refresh; rebuilds the inverted lists when the index has grown past
    /// the exact-search limit (or by half since they were built). Returns how many vectors were loaded.
    @discardableResult
    public func refresh() async throws -> Int {
        let loaded = try await loader.refresh(vectors, from: store)
        // Counted again only when vectors arrived: `serve` refreshes every few seconds, and counting joins every
        // paper with its vector. New papers without one are embedded, and so counted, soon after they arrive.
        if loaded > 0 || counted.withLock({ $0 == nil }) {
            let progress = try await store.progress(model: SentenceEmbedder.modelName)
            counted.withLock { $0 = IndexCoverage(embedded: progress.embedded, total: progress.embedded + progress.missing) }
        }
        return loaded
    }

    /// How many of the visible papers have a vector, as of the last refresh that loaded some.
    public var coverage: IndexCoverage {
        counted.withLock { $0 } ?? IndexCoverage(embedded: 0, total: 0)
    }

    /// The query's embedding; recent queries are remembered (paging through results embeds once).
    public func embedQuery(_ text: String, splitOverCores: Bool = true) -> [Float] {
        if let cached = queries.vector(for: text) { return cached }
        let vector = embedder.embed(text, splitOverCores: splitOverCores)
        queries.remember(text, vector)
        return vector
    }

    /// Whether the model reads all of `text` (it reads the first 256 tokens of a longer one).
    public func readsWhole(_ text: String) -> Bool {
        let limit = embedder.tokenizer.maximumLength
        // Every token holds at least one character, so a text this short fits without being tokenized again.
        guard text.unicodeScalars.count >= limit - 2 else { return true }
        return embedder.tokenizer.encode(text).count < limit
    }

    /// The cosine similarity of a stored paper to `query`, if the paper has a vector.
    public func similarity(of paperId: String, to query: [Float]) -> Float? {
        vectors.similarities(of: [paperId], to: query)[paperId]
    }
}

/// Where loading stands: the last `seq` loaded and the size at which the inverted lists were last built.
private actor IndexLoader {
    private var cursor: Int64 = 0
    private var partitionedAt = 0
    private var partitioning = false

    func refresh(_ vectors: VectorIndex, from store: SQLEmbeddingStore) async throws -> Int {
        var loaded = 0
        while true {
            let batch = try await store.embeddings(model: SentenceEmbedder.modelName, after: cursor, limit: 10_000)
            guard let last = batch.last else { break }
            vectors.upsert(
                batch.compactMap { stored in
                    PackedVector(bytes: stored.bytes, dimensions: SentenceEmbedder.dimensions).map { (stored.paperId, $0) }
                })
            cursor = max(cursor, last.seq)
            loaded += batch.count
        }
        let count = vectors.count
        if !partitioning, count > vectors.exactLimit, count >= partitionedAt * 3 / 2 {
            partitioning = true
            defer { partitioning = false }
            await vectors.rebuildPartition()
            partitionedAt = count
        }
        return loaded
    }
}

/// Recent query embeddings, so paging through results embeds the query once.
private final class QueryCache: @unchecked Sendable {
    static let capacity = 512
    private let lock = ReadWriteLock()
    private var vectors: [String: [Float]] = [:]

    func vector(for text: String) -> [Float]? { lock.reading { vectors[text] } }

    func remember(_ text: String, _ vector: [Float]) {
        lock.writing {
            if vectors.count >= Self.capacity { vectors.removeAll(keepingCapacity: true) }
            vectors[text] = vector
        }
    }
}

/// How far search by meaning has read the papers.
public struct IndexCoverage: Sendable, Equatable {
    public let embedded: Int
    public let total: Int

    public init(embedded: Int, total: Int) {
        self.embedded = embedded
        self.total = total
    }

    /// Complete enough to rank by: all but a handful of new papers (at most 1%, or 50) have their vector.
    public var isComplete: Bool {
        let missing = total - embedded
        return missing <= max(50, total / 100)
    }
}
