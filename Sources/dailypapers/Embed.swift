import ArgumentParser
import Embeddings
import Foundation
import Search
import Storage

/// `dailypapers embed`: computes the embeddings papers lack, resumably, on every core.
struct Embed: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Embed every paper that has no embedding yet (title and abstract, all-MiniLM-L6-v2).",
        discussion:
            "Each batch is stored as soon as it is embedded: stopping the command loses at most one batch, and running it again resumes. Only one process embeds at a time; `serve` also embeds new papers in the background."
    )

    @OptionGroup var databaseOptions: DatabaseOptions
    @OptionGroup var modelOptions: ModelOptions

    @Option(help: "Papers per stored batch (16–4096). Default: 256")
    var batchSize = 256

    @Option(help: "Batches encoded at once, each on a thread of its own. Default: the number of cores")
    var threads = ProcessInfo.processInfo.activeProcessorCount

    func validate() throws {
        guard (16...4_096).contains(batchSize) else { throw ValidationError("--batch-size must be from 16 to 4096") }
        guard (1...64).contains(threads) else { throw ValidationError("--threads must be from 1 to 64") }
    }

    func run() async throws {
        let embedder = try modelOptions.required(threads: threads)
        print(embedder.kernels)
        try await databaseOptions.withMigrated { database in
            let job = EmbeddingJob(embedder: embedder, database: database, batchSize: batchSize)
            let bar = ProgressBar(label: "embedding")
            let started = ContinuousClock.now
            let outcome = try await job.run(progress: { bar.update($0, $1) })
            bar.finish()
            switch outcome {
                case .otherEmbedderActive:
                    print("Another process is embedding papers in this database (a running `serve` or `embed`); nothing to do here.")
                case .finished(let embedded):
                    let seconds = (ContinuousClock.now - started).seconds
                    let rate = seconds > 0 ? Double(embedded) / seconds : 0
                    print("Embedded \(embedded) papers in \(String(format: "%.1f", seconds)) s (\(String(format: "%.1f", rate)) papers/s).")
            }
        }
    }
}
