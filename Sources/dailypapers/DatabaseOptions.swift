import ArgumentParser
import Foundation
import Storage

/// The database option every command shares, read from the flag, then `DATABASE_URL`, then the default.
struct DatabaseOptions: ParsableArguments {
    static let defaultPath = "data/dailypapers.sqlite"

    @Option(
        name: .customLong("database"),
        help: ArgumentHelp(
            "The database: an SQLite file path or sqlite:PATH. Environment: DATABASE_URL.",
            discussion: "Default: \(DatabaseOptions.defaultPath)"
        )
    )
    var database: String?

    /// The SQLite file the flag, the environment or the default names.
    func sqlitePath() throws -> String {
        let value = database ?? ProcessInfo.processInfo.environment["DATABASE_URL"] ?? Self.defaultPath
        return try Self.parse(value)
    }

    static func parse(_ value: String) throws -> String {
        if value.hasPrefix("postgres://") || value.hasPrefix("postgresql://") {
            throw ValidationError("PostgreSQL is not supported by this build yet; use an SQLite file path or sqlite:PATH")
        }
        let path = value.hasPrefix("sqlite://") ? String(value.dropFirst(9)) : value.hasPrefix("sqlite:") ? String(value.dropFirst(7)) : value
        guard !path.isEmpty else { throw ValidationError("The database path is empty") }
        guard !path.contains("://") else { throw ValidationError("Unsupported database URL '\(value)': use an SQLite file path or sqlite:PATH") }
        return path
    }

    /// Opens the database, creating its folder and file if needed.
    func open() throws -> SQLiteDatabase {
        let path = try sqlitePath()
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
        return try SQLiteDatabase(path: path)
    }

    /// Opens the database and applies pending migrations.
    func openMigrated() async throws -> SQLiteDatabase {
        let database = try open()
        try await Migrator(database: database).migrate()
        return database
    }
}
