import ArgumentParser
import DailyPapersApp
import Harvest
import PapersCore
import Storage

/// `dailypapers ingest status`: what each source did last and when it runs next.
struct IngestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest", abstract: "See what the paper sources did.", subcommands: [IngestStatus.self]
    )
}

/// `dailypapers ingest status`.
struct IngestStatus: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status", abstract: "Each source's last run, what it added, updated and skipped, its next run and its last error."
    )

    @OptionGroup var databaseOptions: DatabaseOptions

    func run() async throws {
        let clock = try ApplicationBuilder.command(flags: databaseOptions.flags).siteClock()
        try await databaseOptions.withCurrentSchema { database in
            for state in try await SQLIngestStore(database: database).states() {
                print(IngestStatusText.lines(state, now: clock()).joined(separator: "\n"))
                print()
            }
        }
    }
}

/// The status of a source in plain lines.
enum IngestStatusText {
    static func lines(_ state: IngestState, now: Timestamp) -> [String] {
        var lines = [state.source.title]
        guard let lastRun = state.lastRunAt else {
            lines.append("  never run" + (state.runStartedAt.map { "; a run started \($0)" } ?? ""))
            return lines + next(state)
        }
        lines.append("  last run:   \(lastRun) — \(state.lastError == nil ? "completed" : "failed")")
        lines.append("  it did:     \(RunCounts(added: state.added, updated: state.updated, skipped: state.skipped, requests: state.requests).line)")
        if let error = state.lastError { lines.append("  last error: \(error)") }
        if let success = state.lastSuccessAt, state.lastError != nil { lines.append("  last success: \(success)") }
        if let started = state.runStartedAt {
            lines.append("  in progress since \(started)" + (state.resumptionToken == nil ? "" : " (resumes from a stored page)"))
        }
        if let checkpoint = state.checkpoint { lines.append("  checkpoint: \(checkpoint)") }
        return lines + next(state)
    }

    private static func next(_ state: IngestState) -> [String] {
        ["  next run:   " + (state.nextRunAt.map(\.description) ?? "when `serve` runs with HARVEST=on, or by hand")]
    }
}
