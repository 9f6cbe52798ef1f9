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

    /// The model, or the reason it cannot be loaded.
    func load() -> Result<SentenceEmbedder, Error> {
        Result { try SentenceEmbedder(directory: URL(fileURLWithPath: directory)) }
    }

    /// The model; a command that cannot work without it fails with a precise message.
    func required() throws -> SentenceEmbedder {
        do { return try load().get() } catch {
            throw CommandFailure("\(error). Run `make models` (or scripts/fetch-model.sh) to download it, or pass --model DIR.")
        }
    }
}
