import ArgumentParser
import DailyPapersApp
import Embeddings
import Foundation

/// Where the embedding model is: `--model DIR`, then `DAILYPAPERS_MODEL`, the configuration file, the default.
struct ModelOptions: ParsableArguments {
    @Option(name: .customLong("model"), help: Settings.model.argumentHelp)
    var model: String?

    @Option(name: .customLong("embedding-precision"), help: Settings.embeddingPrecision.argumentHelp)
    var precision: String?

    /// The settings as flags, for commands that load the whole configuration.
    var flags: [String: String] {
        var flags: [String: String] = [:]
        flags[Settings.model.name] = model
        flags[Settings.embeddingPrecision.name] = precision
        return flags
    }

    func directory() throws -> String {
        try SettingFlags.text(Settings.model, flag: model) ?? ""
    }

    /// `--embedding-precision`, `EMBEDDING_PRECISION`, the configuration file or `auto`; anything else is refused.
    func encoderPrecision() throws -> EncoderPrecision {
        let text = try SettingFlags.text(Settings.embeddingPrecision, flag: precision) ?? EncoderPrecision.automatic.rawValue
        guard let precision = EncoderPrecision(rawValue: text.lowercased()) else {
            throw ValidationError("EMBEDDING_PRECISION must be auto or f32, not '\(text)'")
        }
        return precision
    }

    /// The model, or the reason it cannot be loaded.
    func load(threads: Int = ProcessInfo.processInfo.activeProcessorCount) throws -> Result<SentenceEmbedder, Error> {
        let directory = try directory()
        let precision = try encoderPrecision()
        return Result { try SentenceEmbedder(directory: URL(fileURLWithPath: directory), threads: threads, precision: precision) }
    }

    /// The model; a command that cannot work without it fails with a precise message.
    func required(threads: Int = ProcessInfo.processInfo.activeProcessorCount) throws -> SentenceEmbedder {
        do { return try load(threads: threads).get() } catch {
            throw CommandFailure("\(error). Run `make models` (or scripts/fetch-model.sh) to download it, or pass --model DIR.")
        }
    }
}
