import ArgumentParser
import Foundation
import Logging
import Storage

/// The database option every command shares, read from the flag, then `DATABASE_URL`, then the default.
struct DatabaseOptions: ParsableArguments {
    static let defaultPath = "data/dailypapers.sqlite"

    @Option(
        name: .customLong("database"),
        help: ArgumentHelp(
            "The database: an SQLite file path, sqlite:PATH, or postgres://USER[:PASSWORD]@HOST[:PORT]/NAME. Environment: DATABASE_URL.",
            discussion: "Default: \(DatabaseOptions.defaultPath). PostgreSQL URLs take ?pool=N&acquire_timeout=S&connect_timeout=S&statement_timeout=S&schema=NAME."
        )
    )
    var database: String?

    /// Where the database is.
    enum Location: Equatable {
        case sqlite(path: String)
        case postgres(PostgresSettings)

        /// How logs name it (no password).
        var description: String {
            switch self {
                case .sqlite(let path): return path
                case .postgres(let settings): return settings.redacted
            }
        }
    }

    /// The database the flag, the environment or the default names.
    func location() throws -> Location {
        try Self.parse(database ?? ProcessInfo.processInfo.environment["DATABASE_URL"] ?? Self.defaultPath)
    }

    static func parse(_ value: String) throws -> Location {
        if PostgresSettings.isPostgresURL(value) {
            do { return .postgres(try PostgresSettings(url: value)) } catch { throw ValidationError("\(error)") }
        }
        let path = value.hasPrefix("sqlite://") ? String(value.dropFirst(9)) : value.hasPrefix("sqlite:") ? String(value.dropFirst(7)) : value
        guard !path.isEmpty else { throw ValidationError("The database path is empty") }
        guard !path.contains("://") else {
            throw ValidationError("Unsupported database URL '\(value)': use an SQLite file path, sqlite:PATH or postgres://…")
        }
        return .sqlite(path: path)
    }

    /// Opens the database for `body` (creating an SQLite file and its folder if needed) and closes it afterwards.
    func withDatabase<T: Sendable>(logger: Logger = Logger(label: "dailypapers"), _ body: (OpenDatabase) async throws -> T) async throws -> T {
        switch try location() {
            case .sqlite(let path):
                let folder = (path as NSString).deletingLastPathComponent
                if !folder.isEmpty { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
                let database = try SQLiteDatabase(path: path)
                do {
                    let result = try await body(OpenDatabase(sql: database, location: .sqlite(path: path), sqlite: database))
                    await database.close()
                    return result
                } catch {
                    await database.close()
                    throw error
                }
            case .postgres(let settings):
                return try await PostgresDatabase.with(settings, logger: logger) { database in
                    try await body(OpenDatabase(sql: database, location: .postgres(settings), sqlite: nil))
                }
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

/// An open database with the engine-specific handles a few commands need.
struct OpenDatabase: Sendable {
    let sql: any SQLDatabase
    let location: DatabaseOptions.Location
    /// Set for SQLite only (online backup, change detection by file version).
    let sqlite: SQLiteDatabase?
}
