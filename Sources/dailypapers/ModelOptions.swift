import ArgumentParser
import Embeddings
import Foundation
import Search
import Storage

/// Where the embedding model is: `--model DIR`, then `DAILYPAPERS_MODEL`, then `models/all-MiniLM-L6-v2`.
struct ModelOptions: ParsableArguments {
    static let defaultDirectory = "models/all-MiniLM-L6-v2"

    @Option(
        name: .customLong("model"),
        help: "The all-MiniLM-L6-v2 folder (vocab.txt, model.safetensors). Environment: DAILYPAPERS_MODEL. Default: \(ModelOptions.defaultDirectory) (make fetches it)."
    )
    var model: String?

    var directory: String { model ?? ProcessInfo.processInfo.environment["DAILYPAPERS_MODEL"] ?? Self.defaultDirectory }

    /// The model, or the reason it cannot be loaded; `backgroundNiceness` for a server's embedder (its own threads).
    func load(threads: Int = ProcessInfo.processInfo.activeProcessorCount, backgroundNiceness: Int32? = nil) -> Result<SentenceEmbedder, Error> {
        Result { try SentenceEmbedder(directory: URL(fileURLWithPath: directory), threads: threads, backgroundNiceness: backgroundNiceness) }
    }

    /// The model; a command that cannot work without it fails with a precise message.
    func required(threads: Int = ProcessInfo.processInfo.activeProcessorCount) throws -> SentenceEmbedder {
        do { return try load(threads: threads).get() } catch {
            throw CommandFailure("\(error). Run `make models` (or scripts/fetch-model.sh) to download it, or pass --model DIR.")
        }
    }
}
