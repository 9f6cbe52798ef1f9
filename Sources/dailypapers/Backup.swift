import ArgumentParser
import Foundation
import Storage

/// `dailypapers backup FILE`: a consistent copy of a live SQLite database, taken while the server runs.
struct Backup: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Copy the SQLite database to FILE while it is in use (PostgreSQL: use pg_dump).",
        discussion: "The copy is one consistent snapshot (SQLite's VACUUM INTO), written to FILE.partial and renamed when complete."
    )

    @OptionGroup var databaseOptions: DatabaseOptions

    @Argument(help: "The file to write; it must not exist yet.")
    var file: String

    func run() async throws {
        guard !FileManager.default.fileExists(atPath: file) else { throw CommandFailure("\(file) already exists: choose a new file name") }
        try await databaseOptions.withDatabase { database in
            guard let sqlite = database.sqlite else {
                throw CommandFailure("This is a PostgreSQL database: back it up with pg_dump (see docs/deploy.md)")
            }
            let partial = file + ".partial"
            try? FileManager.default.removeItem(atPath: partial)
            do {
                try await sqlite.backup(to: partial)
                guard rename(partial, file) == 0 else {
                    throw CommandFailure("Cannot move \(partial) to \(file): \(String(cString: strerror(errno)))")
                }
            } catch {
                try? FileManager.default.removeItem(atPath: partial)
                throw error
            }
            let size = (try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 0
            print("Backed up \(database.location.description) to \(file) (\(size / 1024) KiB)")
        }
    }
}
