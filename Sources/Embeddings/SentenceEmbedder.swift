internal import COpenBLAS
import Foundation

/// all-MiniLM-L6-v2 as sentence-transformers runs it: text → WordPiece ids (256 at most) → BERT → mean → unit vector.
/// Loaded once from a model folder (`vocab.txt`, `model.safetensors`); safe to share between tasks.
public final class SentenceEmbedder: Sendable {
    public static let dimensions = MiniLMEncoder.dimensions
    /// The name stored beside every vector, so vectors of another model are never compared with these.
    public static let modelName = "all-MiniLM-L6-v2"
    /// Tokens per packed batch: large enough that each product keeps the core busy, small enough to stay in cache.
    static let tokensPerBatch = 2_048

    public let tokenizer: WordPieceTokenizer
    private let encoder: MiniLMEncoder
    /// Batches run here, off Swift's cooperative thread pool: a batch takes seconds of CPU, and the pool's few
    /// threads must stay free for requests.
    private let queue = DispatchQueue(label: "dailypapers.embedder", qos: .utility)
    /// OpenBLAS threads for batches and for single queries; nil when `OPENBLAS_NUM_THREADS` decides.
    private let threadCounts: (batches: Int32, queries: Int32)?

    /// Loads the model from `directory`, which holds `vocab.txt` and `model.safetensors`. Batches' matrix products
    /// use `threads` OpenBLAS threads, a single query's use every core (it is waited for); an explicit
    /// `OPENBLAS_NUM_THREADS` wins. Texts are encoded one batch at a time.
    public init(directory: URL, threads: Int = ProcessInfo.processInfo.activeProcessorCount) throws {
        let vocabulary = directory.appendingPathComponent("vocab.txt")
        guard FileManager.default.fileExists(atPath: vocabulary.path) else { throw EmbeddingError.missingFile(vocabulary.path) }
        tokenizer = try WordPieceTokenizer(vocabularyFile: vocabulary)
        encoder = MiniLMEncoder(weights: try MiniLMWeights(file: directory.appendingPathComponent("model.safetensors")))
        // Measured here: two single-threaded products at once do not run faster than one (OpenBLAS serialises
        // them), while one product on two threads does; so batches go one at a time, each product on `threads`.
        threadCounts = ProcessInfo.processInfo.environment["OPENBLAS_NUM_THREADS"] == nil
            ? (Int32(max(1, threads)), Int32(ProcessInfo.processInfo.activeProcessorCount)) : nil
        if let threadCounts { openblas_set_num_threads(threadCounts.batches) }
    }

    /// The embedding of one text (a search query), on the calling thread, on every core.
    public func embed(_ text: String) -> [Float] {
        let tokens = tokenizer.encode(text)
        // The thread count is process-wide; a batch running meanwhile just runs on more or fewer threads.
        if let threadCounts { openblas_set_num_threads(threadCounts.queries) }
        defer { if let threadCounts { openblas_set_num_threads(threadCounts.batches) } }
        return encoder.embed([tokens])[0]
    }

    /// The embeddings of `texts`, in order. Texts of similar length are packed together into batches of about
    /// `tokensPerBatch` tokens, encoded one after another on the embedder's own thread.
    public func embed(_ texts: [String]) async -> [[Float]] {
        let tokenized = texts.map { tokenizer.encode($0) }
        var results = [[Float]](repeating: [], count: texts.count)
        let encoder = self.encoder
        for batch in Self.batches(of: tokenized) {
            let sequences = batch.map { tokenized[$0] }
            let vectors = await withCheckedContinuation { continuation in
                queue.async { continuation.resume(returning: encoder.embed(sequences)) }
            }
            for (index, vector) in zip(batch, vectors) { results[index] = vector }
        }
        return results
    }

    /// Indexes of the texts grouped into batches of about `tokensPerBatch` tokens, longest first.
    static func batches(of tokenized: [[Int32]]) -> [[Int]] {
        let order = tokenized.indices.sorted { tokenized[$0].count > tokenized[$1].count }
        var batches: [[Int]] = []
        var current: [Int] = []
        var tokens = 0
        for index in order {
            if !current.isEmpty, tokens + tokenized[index].count > tokensPerBatch {
                batches.append(current)
                current = []
                tokens = 0
            }
            current.append(index)
            tokens += tokenized[index].count
        }
        if !current.isEmpty { batches.append(current) }
        return batches
    }
}
