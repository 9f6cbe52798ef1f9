import Foundation
import Storage

/// The engines the store contract tests run on: each test case runs once per engine.
public enum TestEngine: String, Sendable, CaseIterable, CustomStringConvertible {
    case sqlite
    case postgres

    public var description: String { rawValue }
}

/// A migrated database of either engine for one test: a temporary SQLite file, or a schema of its own on the test
/// PostgreSQL server (`TEST_POSTGRES_URL`, which `make test` starts); removed when the test ends.
public enum TestDatabase {
    /// Runs `body` with a fresh, migrated database of `engine`.
    public static func with<T: Sendable>(_ engine: TestEngine, _ body: (any SQLDatabase) async throws -> T) async throws -> T {
        switch engine {
            case .sqlite:
                return try await TemporaryDatabase.with { try await body($0.database) }
            case .postgres:
                return try await withPostgres { database in
                    try await Migrator(database: database).migrate()
                    return try await body(database)
                }
        }
    }

    /// Runs `body` with a PostgreSQL pool on a new, empty schema that is dropped afterwards.
    ///
    /// At most `PostgresGate.width` such cases run at once: on 2 cores the CPU-heavy suites (encoder, k-means) run
    /// beside them, and a case's connections must not wait behind a dozen others' start-up.
    public static func withPostgres<T: Sendable>(pool: Int = 8, _ body: (PostgresDatabase) async throws -> T) async throws -> T {
        try await PostgresGate.shared.run { try await withPostgresSchema(pool: pool, body) }
    }

    private static func withPostgresSchema<T: Sendable>(pool: Int, _ body: (PostgresDatabase) async throws -> T) async throws -> T {
        let server = try serverSettings()
        let schema = "test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        try await PostgresDatabase.with(server) { admin in
            try await admin.execute("CREATE SCHEMA \(unsafeRaw: schema)")
        }
        var settings = server
        settings.schema = schema
        settings.maximumConnections = pool
        do {
            let result = try await PostgresDatabase.with(settings, body)
            try await dropSchema(schema, server: server)
            return result
        } catch {
            try? await dropSchema(schema, server: server)
            throw error
        }
    }

    /// The test server's settings; refuses anything but a server on this machine.
    ///
    /// The acquire and connect timeouts are a minute, not the server's 3 and 5 seconds: they guard a production
    /// request against a dead database, while here a case that waits for a core must not fail for it.
    public static func serverSettings() throws -> PostgresSettings {
        guard let url = ProcessInfo.processInfo.environment["TEST_POSTGRES_URL"] else {
            throw MissingServer()
        }
        var settings = try PostgresSettings(url: url)
        guard ["127.0.0.1", "localhost", "::1"].contains(settings.host) else {
            throw NotLocal(host: settings.host)
        }
        settings.maximumConnections = 2
        settings.acquireTimeout = .seconds(60)
        settings.connectTimeout = .seconds(60)
        return settings
    }

    private static func dropSchema(_ schema: String, server: PostgresSettings) async throws {
        try await PostgresDatabase.with(server) { admin in
            try await admin.execute("DROP SCHEMA \(unsafeRaw: schema) CASCADE")
        }
    }

    /// The PostgreSQL cases need the test server.
    public struct MissingServer: Error, CustomStringConvertible {
        public var description: String { "TEST_POSTGRES_URL is not set: run the suite with `make test`, which starts a PostgreSQL server for it" }
    }

    /// Tests never touch a database on another machine.
    public struct NotLocal: Error, CustomStringConvertible {
        let host: String
        public var description: String { "TEST_POSTGRES_URL points at \(host): tests only run against a server on 127.0.0.1" }
    }
}
