import ArgumentParser
import Foundation
import Ingestion
import Storage

/// `dailypapers import FILE…`: reads papers from files in any supported format.
struct Import: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Import papers from JSON Lines or JSON files.",
        discussion: """
            Formats (detected from the first record, or given with --format): \
            dailypapers (this tool's export), hf-api (Hugging Face /api/daily_papers responses), \
            hf-daily (hf-daily-papers.jsonl), seed (the bundled sample), arxiv-snapshot (Kaggle arXiv metadata). \
            Each bad record is reported as FILE:line N: field 'F': reason, and skipped. \
            Importing the same file again changes nothing; an interrupted import can simply be run again. \
            Exit status: 0 when every record was imported, 3 when some were rejected and the others imported, \
            1 when nothing could be imported.
            """
    )

    @OptionGroup var databaseOptions: DatabaseOptions

    @Argument(help: "The files to import.")
    var files: [String]

    @Option(help: "Read every file in this format instead of detecting it: \(ImportFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: String?

    @Flag(help: "Stop with nothing written if any record is bad.")
    var strict = false

    @Flag(help: "Import only when the database holds no papers yet (used by make run for the bundled sample).")
    var ifEmpty = false

    @Option(help: "Records written per transaction.")
    var batchSize = 1_000

    /// The exit status of an import that wrote its good records but rejected others (1 is "nothing imported").
    static let someRejected = ExitCode(3)

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("Give at least one file to import") }
        if let format, ImportFormat(rawValue: format) == nil {
            throw ValidationError("Unknown format '\(format)': use \(ImportFormat.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        guard (1...100_000).contains(batchSize) else { throw ValidationError("--batch-size must be from 1 to 100000") }
    }

    func run() async throws {
        try await databaseOptions.withMigrated { try await self.run(database: $0) }
    }

    func run(database: any SQLDatabase) async throws {
        let store = SQLPaperStore(database: database)
        if ifEmpty, try await store.count() > 0 {
            print("The database already holds papers; nothing imported (--if-empty).")
            return
        }
        let importer = Importer(store: store, options: .init(format: format.flatMap(ImportFormat.init), strict: strict, batchSize: batchSize))
        let progress = ProgressBar(label: "importing")
        let started = ContinuousClock.now
        do {
            let summary = try await importer.run(
                files: files, now: try databaseOptions.siteClock()(),
                report: ImportReporter(
                    rejected: { rejection in Terminal.error(rejection.description) },
                    progress: { done, total in progress.update(done, total) }
                ))
            progress.finish()
            let seconds = (ContinuousClock.now - started).seconds
            print("Imported \(files.count) file(s) in \(String(format: "%.2f", seconds)) s: \(summary.line)")
            if summary.counts.inserted + summary.counts.updated + summary.counts.unchanged == 0 && !summary.rejections.isEmpty {
                throw ExitCode.failure
            }
            if !summary.rejections.isEmpty {
                // The good records are in; a script must still see that some were not.
                Terminal.error(
                    "\(summary.rejections.count) record(s) rejected (listed above); the others were imported. Exit status \(Self.someRejected.rawValue)."
                )
                throw Self.someRejected
            }
        } catch let error as ImportError {
            progress.finish()
            throw CommandFailure(error.description)
        }
    }
}

extension Duration {
    /// The duration in seconds, as a Double.
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
