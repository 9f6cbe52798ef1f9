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

    /// Loads the model from `directory`, which holds `vocab.txt` and `model.safetensors`.
    public init(directory: URL) throws {
        let vocabulary = directory.appendingPathComponent("vocab.txt")
        guard FileManager.default.fileExists(atPath: vocabulary.path) else { throw EmbeddingError.missingFile(vocabulary.path) }
        tokenizer = try WordPieceTokenizer(vocabularyFile: vocabulary)
        encoder = MiniLMEncoder(weights: try MiniLMWeights(file: directory.appendingPathComponent("model.safetensors")))
        // Parallelism is ours (one sequence batch per task); OpenBLAS threads would fight it and the event loops.
        openblas_set_num_threads(1)
    }

    /// The embedding of one text, on the calling thread.
    public func embed(_ text: String) -> [Float] {
        encoder.embed([tokenizer.encode(text)])[0]
    }

    /// The embeddings of `texts`, in order. Texts of similar length are packed together, and the batches are shared
    /// among `parallelism` tasks.
    public func embed(_ texts: [String], parallelism: Int = ProcessInfo.processInfo.activeProcessorCount) async -> [[Float]] {
        let tokenized = texts.map { tokenizer.encode($0) }
        let batches = Self.batches(of: tokenized)
        let encoder = self.encoder
        var results = [[Float]](repeating: [], count: texts.count)
        await withTaskGroup(of: [(Int, [Float])].self) { group in
            var next = 0
            func startNext() {
                guard next < batches.count else { return }
                let batch = batches[next]
                next += 1
                group.addTask { Array(zip(batch, encoder.embed(batch.map { tokenized[$0] }))) }
            }
            for _ in 0..<max(1, parallelism) { startNext() }
            for await finished in group {
                for (index, vector) in finished { results[index] = vector }
                startNext()
            }
        }
        return results
    }

    /// Indexes of the texts grouped into batches of about `tokensPerBatch` tokens, longest first so the tasks finish
    /// together.
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
