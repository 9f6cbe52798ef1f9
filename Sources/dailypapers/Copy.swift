import ArgumentParser
import Foundation
import Storage

/// `dailypapers copy --to URL`: moves a whole instance (papers, members, votes, comments, subscribers, outbox) into a
/// new, empty database, e.g. from the SQLite file to PostgreSQL.
struct Copy: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Copy every table of the database into a new, empty one (e.g. SQLite to PostgreSQL).",
        discussion:
            "Both are migrated first. The target is written in one transaction: a failed copy leaves it empty. Stop the servers on the source while copying."
    )

    @OptionGroup var databaseOptions: DatabaseOptions

    @Option(help: "The target database: postgres://… or an SQLite file path.")
    var to: String

    func run() async throws {
        var targetOptions = DatabaseOptions()
        targetOptions.database = to
        guard try targetOptions.location() != databaseOptions.location() else { throw ValidationError("--to names the source database itself") }
        try await databaseOptions.withMigrated { source in
            try await targetOptions.withMigrated { target in
                let started = ContinuousClock.now
                let copied: [String: Int]
                do {
                    copied = try await DatabaseCopier(from: source, to: target).copy { table, rows in
                        if Terminal.isInteractive { FileHandle.standardError.write(Data("\rcopying \(table): \(rows) rows\u{1B}[K".utf8)) }
                    }
                } catch let error as DatabaseCopier.TargetNotEmpty {
                    throw CommandFailure(error.description)
                } catch let error as DatabaseCopier.SchemaMismatch {
                    throw CommandFailure(error.description)
                }
                if Terminal.isInteractive { Terminal.error("") }
                let summary = copied.filter { $0.value > 0 }.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
                print(
                    "Copied in \(String(format: "%.1f", (ContinuousClock.now - started).seconds)) s: \(summary.isEmpty ? "nothing (the source is empty)" : summary)"
                )
            }
        }
    }
}
