import ArgumentParser
import DailyPapersApp
import Foundation
import Harvest
import PapersCore
import Storage

/// `dailypapers harvest arxiv`: arXiv's announcement listing and OAI-PMH records, once, from the command line.
struct HarvestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "harvest", abstract: "Harvest papers from arXiv.", subcommands: [ArxivHarvest.self]
    )
}

/// `dailypapers harvest arxiv [--from DATE] [--only listing|records] [--dry-run]`.
struct ArxivHarvest: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "arxiv",
        abstract: "Read arXiv's latest announcement listing and its OAI-PMH records since the last run.",
        discussion: """
            The categories, addresses and contact come from the configuration (ARXIV_CATEGORIES, ARXIV_OAI_URL, \
            ARXIV_LISTING_URL, ARXIV_CONTACT; see `dailypapers config`). At most one request every ARXIV_INTERVAL seconds \
            goes to arXiv from all instances on the database together, and only one instance harvests at a time. \
            An interrupted run resumes where it stopped; a run that finds nothing new changes nothing. \
            Exit status: 0 when the harvest completed (or another instance is harvesting), 1 when it failed.
            """
    )

    @OptionGroup var databaseOptions: DatabaseOptions

    @Option(help: "Harvest OAI-PMH records changed since this day (YYYY-MM-DD) instead of since the last run: a backfill.")
    var from: String?

    @Option(help: "Read only the announcement listing or only the OAI-PMH records: listing, records or both.")
    var only: String = "both"

    @Flag(help: "Fetch and compare, but write nothing: show what would change.")
    var dryRun = false

    func validate() throws {
        if let from, Day(iso: from) == nil { throw ValidationError("--from must be a day as YYYY-MM-DD, not '\(from)'") }
        if HarvestRunner.ArxivPart(rawValue: only) == nil { throw ValidationError("--only must be listing, records or both, not '\(only)'") }
    }

    func run() async throws {
        let builder = try HarvestOptions.builder(databaseOptions)
        try await databaseOptions.withMigrated { database in
            let runner = builder.harvestRunner(on: database)
            let progress = ProgressBar(label: "harvesting arXiv")
            let part = HarvestRunner.ArxivPart(rawValue: only) ?? .both
            do {
                guard
                    let done = try await runner.arxiv(
                        part, from: from.flatMap { Day(iso: $0) }, dryRun: dryRun, report: HarvestOptions.report(progress))
                else {
                    print("Another instance is harvesting arXiv now; nothing done.")
                    return
                }
                progress.finish()
                for source in IngestState.Source.allCases {
                    if let counts = done[source] { print(HarvestOptions.summary(source, counts, dryRun: dryRun)) }
                }
            } catch {
                progress.finish()
                throw CommandFailure("The harvest stopped: \(error) The next run resumes from the last stored page.")
            }
        }
    }
}

/// What the harvest commands share: the configuration they read, the progress they draw, the summary they print.
enum HarvestOptions {
    /// The application builder of a harvest command, from its flags and the configuration.
    static func builder(_ options: DatabaseOptions) throws -> ApplicationBuilder {
        do {
            return try ApplicationBuilder.command(flags: options.flags)
        } catch {
            throw CommandFailure("\(error)")
        }
    }

    static func report(_ progress: ProgressBar) -> HarvestReport {
        HarvestReport(progress: { done, total in progress.update(done, total ?? 0) }, note: { Terminal.error($0) })
    }

    static func summary(_ source: IngestState.Source, _ counts: RunCounts, dryRun: Bool) -> String {
        let line =
            dryRun
            ? "\(counts.added) would be added, \(counts.updated) updated, \(counts.skipped) unchanged or skipped (\(counts.requests) requests; nothing written)"
            : counts.line
        return "\(source.title): \(line)"
    }
}
