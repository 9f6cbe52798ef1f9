import ArgumentParser
import DailyPapersApp
import Foundation
import Logging
import PapersCore
import Storage

/// The database option every command shares: the flag, then `DATABASE_URL`, then the configuration file, then the
/// default.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .customLong("database"), help: Settings.database.argumentHelp)
    var database: String?

    /// The setting as a flag, for commands that load the whole configuration.
    var flags: [String: String] { database.map { [Settings.database.name: $0] } ?? [:] }

    /// The site's clock as configured (`CLOCK_START`), for commands that stamp what they write.
    func siteClock() throws -> @Sendable () -> Timestamp {
        try ApplicationBuilder.command(flags: flags).siteClock()
    }

    /// The database the flag, the environment, the file or the default names.
    func location() throws -> DatabaseLocation {
        let text = try SettingFlags.text(Settings.database, flag: database) ?? Settings.database.defaultValue ?? ""
        do { return try DatabaseLocation.parse(text) } catch { throw ValidationError("\(Settings.database.name): \(error)") }
    }

    /// Opens the database for `body` (creating an SQLite file and its folder if needed) and closes it afterwards.
    func withDatabase<T: Sendable>(logger: Logger = Logger(label: "dailypapers"), _ body: (OpenDatabase) async throws -> T) async throws -> T {
        try await location().open(logger: logger, body)
    }

    /// Opens the database for a command that only reads (`export`, `search`, `ingest status`): it must exist and be
    /// at this version's schema; nothing is created or migrated.
    func withCurrentSchema<T: Sendable>(logger: Logger = Logger(label: "dailypapers"), _ body: (any SQLDatabase) async throws -> T) async throws -> T
    {
        let location = try location()
        if case .sqlite(let path) = location, !FileManager.default.fileExists(atPath: path) {
            throw CommandFailure("There is no database at \(path): create one with `dailypapers migrate` or `dailypapers import FILE`.")
        }
        return try await location.open(logger: logger) { open in
            let pending = try await Migrator(database: open.sql).pendingWithoutWriting()
            guard pending.isEmpty else {
                throw CommandFailure(
                    "The database \(location) lacks \(pending.count) migration(s) of this version: run `dailypapers migrate` first (this command only reads)."
                )
            }
            return try await body(open.sql)
        }
    }

    /// Opens the database, applies pending migrations, and runs `body` with it.
    func withMigrated<T: Sendable>(logger: Logger = Logger(label: "dailypapers"), _ body: (any SQLDatabase) async throws -> T) async throws -> T {
        try await withDatabase(logger: logger) { open in
            try await Migrator(database: open.sql).migrate()
            return try await body(open.sql)
        }
    }
}
