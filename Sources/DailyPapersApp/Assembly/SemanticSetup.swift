import Embeddings
import Foundation
import Logging
import Mail
import Search
import Storage

/// What `serve` runs for search by meaning: the model, the vector index, and the background embedder.
public struct SemanticSetup: Sendable {
    /// Papers embedded per stored batch in the background: a few seconds of work on one thread, so shutdown waits little.
    static let backgroundBatchSize = 32

    public let index: SemanticIndex?
    /// Why search by meaning is off, for the search page; nil when it is on.
    public let notice: String?

    init(index: SemanticIndex?, notice: String?) {
        self.index = index
        self.notice = notice
    }

    /// Loads the model (or explains in the log why not) and the vectors already stored.
    static func load(
        directory: String, threads: Int, niceness: Int32, precision: EncoderPrecision, exactLimit: Int, database: any SQLDatabase,
        logger: Logger
    ) async throws -> SemanticSetup {
        let embedder: SentenceEmbedder
        do {
            embedder = try SentenceEmbedder(
                directory: URL(fileURLWithPath: directory), threads: threads, backgroundNiceness: niceness, precision: precision)
        } catch {
            logger.warning(
                "search by meaning is off; searching by keywords only. Run `make models` to fetch the model", metadata: ["reason": "\(error)"])
            return SemanticSetup(
                index: nil, notice: "Search by meaning is off on this server (the embedding model is not installed): results match your words.")
        }
        logger.info("\(embedder.kernels)")
        let index = SemanticIndex(embedder: embedder, database: database, exactLimit: exactLimit)
        let started = ContinuousClock.now
        let loaded = try await index.refresh()
        let coverage = index.coverage
        logger.info(
            "search by meaning is on",
            metadata: [
                "model": "\(directory)", "vectors": "\(loaded)", "approximate": "\(index.vectors.isApproximate)",
                "papers_to_embed": "\(coverage.total - coverage.embedded)", "load_time": "\(ContinuousClock.now - started)",
            ])
        return SemanticSetup(index: index, notice: nil)
    }

    /// Digest topics by meaning, through this index; nil without the model.
    var topicMeaning: TopicMeaning? { index.map(Self.topicMeaning) }

    /// Digest topics matched by meaning through `index`.
    public static func topicMeaning(_ index: SemanticIndex) -> TopicMeaning {
        TopicMeaning(embedTopic: { index.embedQuery($0) }, paperVector: { index.vectors.vector(of: $0) })
    }

    /// One background round of `embedder` (see `BackgroundEmbedder`). Errors are logged and the next round tries again.
    static func backgroundRound(_ embedder: BackgroundEmbedder, logger: Logger) async {
        do {
            let embedded = try await embedder.round()
            if embedded > 0 { logger.info("embedded new papers", metadata: ["papers": "\(embedded)"]) }
        } catch {
            logger.warning("background embedding failed; retrying", metadata: ["error": "\(error)"])
        }
    }

    /// The background embedder for this index: small batches, so shutdown waits little.
    static func backgroundEmbedder(_ index: SemanticIndex, database: any SQLDatabase) -> BackgroundEmbedder {
        BackgroundEmbedder(job: EmbeddingJob(embedder: index.embedder, database: database, batchSize: backgroundBatchSize), index: index)
    }
}
