import ArgumentParser
import Harvest
import PapersCore

/// `dailypapers sync huggingface`: mirror Hugging Face's daily list.
struct SyncCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync", abstract: "Mirror another site's daily list.", subcommands: [HubSync.self]
    )
}

/// `dailypapers sync huggingface [--from DATE] [--to DATE] [--dry-run]`.
struct HubSync: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "huggingface",
        abstract: "Mirror Hugging Face's daily papers (GET HF_URL/api/daily_papers?date=D), day by day.",
        discussion: """
            Hugging Face's upvotes and comments are kept as source counts beside the members' own. Without --from, the \
            sync continues after the last complete day (or starts at HF_SYNC_FROM, else today). At most one request \
            a second; an interrupted sync resumes at the first day it had not finished; a day synced again changes nothing.
            """
    )

    @OptionGroup var databaseOptions: DatabaseOptions

    @Option(help: "The first day to mirror (YYYY-MM-DD).")
    var from: String?

    @Option(help: "The last day to mirror (YYYY-MM-DD); default Hugging Face's current day.")
    var to: String?

    @Flag(help: "Fetch and compare, but write nothing: show what would change.")
    var dryRun = false

    func validate() throws {
        for (name, value) in [("--from", from), ("--to", to)] {
            if let value, Day(iso: value) == nil { throw ValidationError("\(name) must be a day as YYYY-MM-DD, not '\(value)'") }
        }
        if let from, let to, let first = Day(iso: from), let last = Day(iso: to), first > last {
            throw ValidationError("--from \(from) is after --to \(to)")
        }
    }

    func run() async throws {
        let builder = try HarvestOptions.builder(databaseOptions)
        try await databaseOptions.withMigrated { database in
            let runner = builder.harvestRunner(on: database)
            let progress = ProgressBar(label: "syncing days")
            do {
                let counts = try await runner.huggingface(
                    from: from.flatMap { Day(iso: $0) }, through: to.flatMap { Day(iso: $0) }, dryRun: dryRun, report: HarvestOptions.report(progress)
                )
                progress.finish()
                guard let counts else {
                    print("Another instance is syncing Hugging Face now; nothing done.")
                    return
                }
                print(HarvestOptions.summary(.huggingface, counts, dryRun: dryRun))
            } catch {
                progress.finish()
                throw CommandFailure("The sync stopped: \(error) The next run resumes at the first day not finished.")
            }
        }
    }
}
