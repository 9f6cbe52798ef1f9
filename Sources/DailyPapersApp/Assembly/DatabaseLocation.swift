import Foundation
import Logging
import Storage

/// Where the database is: an SQLite file or a PostgreSQL server.
public enum DatabaseLocation: Sendable, Equatable, CustomStringConvertible {
    case sqlite(path: String)
    case postgres(PostgresSettings)

    /// How logs and `dailypapers config` name it (no password).
    public var description: String {
        switch self {
            case .sqlite(let path): return path
            case .postgres(let settings): return settings.redacted
        }
    }

    /// Reads an SQLite file path, `sqlite:PATH` or a `postgres://` URL.
    public static func parse(_ value: String) throws -> DatabaseLocation {
        if PostgresSettings.isPostgresURL(value) { return .postgres(try PostgresSettings(url: value)) }
        let path = value.hasPrefix("sqlite://") ? String(value.dropFirst(9)) : value.hasPrefix("sqlite:") ? String(value.dropFirst(7)) : value
        guard !path.isEmpty else { throw Invalid(reason: "The database path is empty") }
        guard !path.contains("://") else {
            throw Invalid(reason: "Unsupported database URL '\(value)': use an SQLite file path, sqlite:PATH or postgres://…")
        }
        return .sqlite(path: path)
    }

    /// A database setting that names nothing usable.
    public struct Invalid: Error, CustomStringConvertible {
        public let reason: String
        public var description: String { reason }
    }

    /// Opens the database for `body` (creating an SQLite file and its folder if needed) and closes it afterwards.
    public func open<T: Sendable>(logger: Logger, _ body: (OpenDatabase) async throws -> T) async throws -> T {
        switch self {
            case .sqlite(let path):
                let folder = (path as NSString).deletingLastPathComponent
                if !folder.isEmpty { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
                let database = try SQLiteDatabase(path: path)
                do {
                    let result = try await body(OpenDatabase(sql: database, location: self, sqlite: database))
                    await database.close()
                    return result
                } catch {
                    await database.close()
                    throw error
                }
            case .postgres(let settings):
                return try await PostgresDatabase.with(settings, logger: logger) { database in
                    try await body(OpenDatabase(sql: database, location: self, sqlite: nil))
                }
        }
    }
}

/// An open database with the engine-specific handles a few parts need.
public struct OpenDatabase: Sendable {
    public let sql: any SQLDatabase
    public let location: DatabaseLocation
    /// Set for SQLite only (online backup, change detection by the file's data version).
    public let sqlite: SQLiteDatabase?

    public init(sql: any SQLDatabase, location: DatabaseLocation, sqlite: SQLiteDatabase?) {
        self.sql = sql
        self.location = location
        self.sqlite = sqlite
    }
}
