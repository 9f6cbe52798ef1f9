import ArgumentParser
import DailyPapersApp
import Embeddings
import Foundation

/// Where the embedding model is: `--model DIR`, then `DAILYPAPERS_MODEL`, the configuration file, the default.
struct ModelOptions: ParsableArguments {
    @Option(name: .customLong("model"), help: Settings.model.argumentHelp)
    var model: String?

    /// The setting as a flag, for commands that load the whole configuration.
    var flags: [String: String] { model.map { [Settings.model.name: $0] } ?? [:] }

    func directory() throws -> String {
        try SettingFlags.text(Settings.model, flag: model) ?? ""
    }

    /// The model, or the reason it cannot be loaded.
    func load(threads: Int = ProcessInfo.processInfo.activeProcessorCount) throws -> Result<SentenceEmbedder, Error> {
        let directory = try directory()
        return Result { try SentenceEmbedder(directory: URL(fileURLWithPath: directory), threads: threads) }
    }

    /// The model; a command that cannot work without it fails with a precise message.
    func required(threads: Int = ProcessInfo.processInfo.activeProcessorCount) throws -> SentenceEmbedder {
        do { return try load(threads: threads).get() } catch {
            throw CommandFailure("\(error). Run `make models` (or scripts/fetch-model.sh) to download it, or pass --model DIR.")
        }
    }
}
