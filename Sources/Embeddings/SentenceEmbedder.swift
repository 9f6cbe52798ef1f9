import Foundation
import Synchronization

/// all-MiniLM-L6-v2 as sentence-transformers runs it: text → WordPiece ids (256 at most) → BERT → mean → unit vector.
/// Loaded once from a model folder (`vocab.txt`, `model.safetensors`); safe to share between tasks.
public final class SentenceEmbedder: Sendable {
    public static let dimensions = MiniLMEncoder.dimensions
    /// The name stored beside every vector, so vectors of another model are never compared with these.
    public static let modelName = "all-MiniLM-L6-v2"
    /// Tokens per packed batch: large enough that each product keeps the core busy, small enough to stay in cache.
    static let tokensPerBatch = 512

    public let tokenizer: WordPieceTokenizer
    private let encoder: MiniLMEncoder
    /// Batches are handed out from here, off Swift's cooperative thread pool: a batch takes a second of CPU, and the
    /// pool's few threads must stay free for requests.
    private let queue = DispatchQueue(label: "dailypapers.embedder", qos: .utility)
    /// How many batches are encoded at once, each on its own thread.
    private let workers: Int
    /// Where batches run when the embedder works in the background: threads of the lowest priority. Nil for a
    /// foreground embedder (the `embed` command), whose batches run on Dispatch's threads at normal priority.
    private let background: BackgroundThreads?
    /// Encodes a single query on every core.
    private let team = LaneTeam(lanes: CoreSplit.cores)

    /// Loads the model from `directory`, which holds `vocab.txt` and `model.safetensors`. Lists of texts are encoded
    /// `threads` batches at a time, one per thread — threads of their own at nice `backgroundNiceness` when it is
    /// given (a server embedding new papers while it answers requests); a single query is split over every core.
    /// `precision` chooses int8 dense layers where the CPU has VNNI, or f32 everywhere.
    public init(
        directory: URL, threads: Int = ProcessInfo.processInfo.activeProcessorCount, backgroundNiceness: Int32? = nil,
        precision: EncoderPrecision = .automatic
    ) throws {
        let vocabulary = directory.appendingPathComponent("vocab.txt")
        guard FileManager.default.fileExists(atPath: vocabulary.path) else { throw EmbeddingError.missingFile(vocabulary.path) }
        tokenizer = try WordPieceTokenizer(vocabularyFile: vocabulary)
        self.precision = precision
        let file = directory.appendingPathComponent("model.safetensors")
        let weights = try MiniLMWeights(file: file)
        let maxima = precision.instructions == nil ? nil : Self.maxima(of: file.path, weights, tokenizer)
        encoder = MiniLMEncoder(weights: weights, precision: precision, keeping: maxima)
        let count = max(1, threads)
        workers = count
        background = backgroundNiceness.map { BackgroundThreads(count: count, niceness: $0) }
    }

    /// Each model file's calibration, done once per process: tools and tests load the same model many times.
    private static let calibrated = Mutex<[String: InputMaxima]>([:])

    private static func maxima(of path: String, _ weights: MiniLMWeights, _ tokenizer: WordPieceTokenizer) -> InputMaxima {
        if let known = calibrated.withLock({ $0[path] }) { return known }
        let found = MiniLMEncoder(weights: weights, precision: .float32).maxima(of: InputMaxima.calibrationTexts.map(tokenizer.encode))
        calibrated.withLock { $0[path] = found }
        return found
    }

    /// The instructions the dense layers multiply bytes with; nil when the encoder runs in f32.
    public var int8Instructions: Int8Instructions? { encoder.instructions }
    /// The precision asked for.
    public let precision: EncoderPrecision

    /// One line for the log: the BLAS kernels, and how the dense layers multiply and why.
    public var kernels: String {
        let dense =
            if let instructions = int8Instructions {
                "dense layers in int8 on \(instructions.name)"
            } else if precision == .float32 {
                "dense layers in f32 (EMBEDDING_PRECISION=f32)"
            } else {
                "dense layers in f32 (this CPU has neither AVX-512 VNNI nor AVX-VNNI)"
            }
        return "\(BLASKernel.current.summary); \(dense)"
    }

    /// The embedding of one text (a search query), on the calling thread and every other core.
    /// `splitOverCores` false keeps it on the calling thread: a search worker must leave the other cores to pages.
    public func embed(_ text: String, splitOverCores: Bool = true) -> [Float] {
        encoder.embed([tokenizer.encode(text)], team: splitOverCores ? team : nil)[0]
    }

    /// The embeddings of `texts`, in order. Texts of similar length are packed together into batches of about
    /// `tokensPerBatch` tokens; the embedder's threads take the next batch, longest first, until none is left.
    public func embed(_ texts: [String]) async -> [[Float]] {
        let tokenized = texts.map { tokenizer.encode($0) }
        let batches = Self.batches(of: tokenized)
        let encoder = self.encoder
        let workers = min(self.workers, batches.count)
        guard workers > 0 else { return [] }
        let results = Mutex([[Float]](repeating: [], count: texts.count))
        let next = Mutex(0)
        // Each worker takes the next batch until none is left.
        let work: @Sendable (Int) -> Void = { _ in
            while true {
                let taken = next.withLock { index in
                    defer { index += 1 }
                    return index
                }
                guard taken < batches.count else { return }
                let batch = batches[taken]
                let vectors = encoder.embed(batch.map { tokenized[$0] })
                results.withLock { results in
                    for (index, vector) in zip(batch, vectors) { results[index] = vector }
                }
            }
        }
        if let background {
            await background.run(parts: workers, work)
        } else {
            await withCheckedContinuation { continuation in
                queue.async {
                    DispatchQueue.concurrentPerform(iterations: workers, execute: work)
                    continuation.resume()
                }
            }
        }
        return results.withLock { $0 }
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
