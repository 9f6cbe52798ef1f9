import ArgumentParser
import DailyPapersApp
import Logging
import Storage

/// The database option every command shares: the flag, then `DATABASE_URL`, then the configuration file, then the
/// default.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .customLong("database"), help: Settings.database.argumentHelp)
    var database: String?

    /// The setting as a flag, for commands that load the whole configuration.
    var flags: [String: String] { database.map { [Settings.database.name: $0] } ?? [:] }

    /// The database the flag, the environment, the file or the default names.
    func location() throws -> DatabaseLocation {
        let text = try SettingFlags.text(Settings.database, flag: database) ?? DatabaseLocation.defaultPath
        do { return try DatabaseLocation.parse(text) } catch { throw ValidationError("\(Settings.database.name): \(error)") }
    }

    /// Opens the database for `body` (creating an SQLite file and its folder if needed) and closes it afterwards.
    func withDatabase<T: Sendable>(logger: Logger = Logger(label: "dailypapers"), _ body: (OpenDatabase) async throws -> T) async throws -> T {
        try await location().open(logger: logger, body)
    }

    /// Opens the database, applies pending migrations, and runs `body` with it.
    func withMigrated<T: Sendable>(logger: Logger = Logger(label: "dailypapers"), _ body: (any SQLDatabase) async throws -> T) async throws -> T {
        try await withDatabase(logger: logger) { open in
            try await Migrator(database: open.sql).migrate()
            return try await body(open.sql)
        }
    }
}
