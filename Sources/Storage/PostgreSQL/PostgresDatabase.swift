import Logging
import NIOConcurrencyHelpers
import NIOCore
import PostgresNIO
import Synchronization

/// A PostgreSQL database behind a pool of connections (PostgresNIO's `PostgresClient`).
///
/// The pool works only while `run()` runs: open one with `PostgresDatabase.with(settings) { … }`, which runs it for
/// the body's duration, or add it to a service group. A request that cannot get a connection within
/// `acquireTimeout` (the server is down or the pool exhausted) fails with `SQLError.unavailable`, never hangs.
public final class PostgresDatabase: SQLDatabase {
    public var dialect: SQLDialect { .postgres }
    public let settings: PostgresSettings
    let client: PostgresClient
    let logger: Logger

    public init(settings: PostgresSettings, logger: Logger = Logger(label: "dailypapers.postgres")) {
        self.settings = settings
        self.logger = logger
        var configuration = PostgresClient.Configuration(
            host: settings.host, port: settings.port, username: settings.username,
            password: settings.password, database: settings.database, tls: .disable
        )
        configuration.options.maximumConnections = settings.maximumConnections
        configuration.options.connectTimeout = settings.connectTimeout
        configuration.options.keepAliveBehavior = .init(frequency: .seconds(30))
        var parameters: [(String, String)] = [("application_name", "dailypapers")]
        if let schema = settings.schema { parameters.append(("search_path", schema)) }
        if let limit = settings.statementTimeout {
            parameters.append(("statement_timeout", "\(limit.components.seconds * 1000 + limit.components.attoseconds / 1_000_000_000_000_000)"))
        }
        configuration.options.additionalStartupParameters = parameters
        client = PostgresClient(configuration: configuration, backgroundLogger: logger)
    }

    /// Runs the connection pool until the task is cancelled.
    public func run() async {
        await client.run()
    }

    /// Opens a pool, runs `body` with it and closes it.
    public static func with<T: Sendable>(
        _ settings: PostgresSettings, logger: Logger = Logger(label: "dailypapers.postgres"),
        _ body: (PostgresDatabase) async throws -> T
    ) async throws -> T {
        let database = PostgresDatabase(settings: settings, logger: logger)
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await database.run() }
            defer { group.cancelAll() }
            return try await body(database)
        }
    }

    public func withConnection<T: Sendable>(_ body: @Sendable (any SQLConnection) async throws -> T) async throws -> T {
        try await withoutActuallyEscaping(body) { body in
            try await leased { connection in try await body(PostgresSQLConnection(connection: connection, logger: self.logger)) }
        }
    }

    public func transaction<T: Sendable>(_ body: @Sendable (any SQLConnection) async throws -> T) async throws -> T {
        var attempt = 1
        while true {
            do {
                return try await withoutActuallyEscaping(body) { body in
                    try await leased { connection in
                        let wrapped = PostgresSQLConnection(connection: connection, logger: self.logger)
                        _ = try await wrapped.execute("BEGIN")
                        do {
                            let result = try await body(wrapped)
                            _ = try await wrapped.execute("COMMIT")
                            return result
                        } catch {
                            _ = try? await wrapped.execute("ROLLBACK")
                            throw error
                        }
                    }
                }
            } catch SQLError.conflict(let message) where attempt < 5 {
                // A deadlock or serialization failure: the server rolled the transaction back; running it again is safe.
                logger.debug("transaction retried", metadata: ["attempt": "\(attempt)", "reason": "\(message)"])
                attempt += 1
                try await Task.sleep(for: .milliseconds(5 * attempt))
            }
        }
    }

    /// A session-level advisory lock on a connection kept for the duration: released when the body ends, or by the
    /// server when this process (and so its connection) goes away.
    public func withExclusiveLock<T: Sendable>(_ name: String, _ body: @Sendable () async throws -> T) async throws -> T? {
        try await withConnection { connection in
            // The key names the schema too: deployments in separate schemas of one database do not block each other.
            let key = try await connection.query("SELECT hashtext(current_schema() || ':' || \(name)) AS key").first?.int("key") ?? 0
            let taken = try await connection.query("SELECT pg_try_advisory_lock(\(key)) AS taken").first?.int("taken") == 1
            guard taken else { return nil }
            do {
                let result = try await body()
                _ = try await connection.query("SELECT pg_advisory_unlock(\(key))")
                return result
            } catch {
                _ = try? await connection.query("SELECT pg_advisory_unlock(\(key))")
                throw error
            }
        }
    }

    public func close() async {}

    /// Leases a connection for `body`; gives up with `SQLError.unavailable` when none comes within `acquireTimeout`.
    private func leased<T: Sendable>(_ body: @escaping @Sendable (PostgresConnection) async throws -> T) async throws -> T {
        let acquired = LeaseFlag()
        let timeout = settings.acquireTimeout
        do {
            return try await withThrowingTaskGroup(of: T?.self) { group in
                group.addTask {
                    try await self.client.withConnection { connection in
                        acquired.value.store(true, ordering: .relaxed)
                        return try await body(connection)
                    }
                }
                group.addTask {
                    try await Task.sleep(for: timeout)
                    if acquired.value.load(ordering: .relaxed) { return nil }
                    throw SQLError.unavailable(message: "no database connection within \(timeout) (is PostgreSQL running?)")
                }
                while let next = try await group.next() {
                    if let result = next {
                        group.cancelAll()
                        return result
                    }
                }
                throw SQLError.unavailable(message: "the database request was cancelled")
            }
        } catch {
            throw PostgresErrors.translate(error)
        }
    }
}

/// Set once a lease has its connection, so the acquire timeout no longer applies.
private final class LeaseFlag: Sendable {
    let value = Atomic<Bool>(false)
}

/// One leased PostgreSQL connection, seen through `SQLConnection`.
struct PostgresSQLConnection: SQLConnection {
    var dialect: SQLDialect { .postgres }
    let connection: PostgresConnection
    let logger: Logger

    func query(_ query: SQLQuery) async throws -> [SQLRow] {
        try await run(query).rows
    }

    func execute(_ query: SQLQuery) async throws -> Int {
        try await run(query).changed
    }

    /// Runs a statement, collecting its rows and the number of rows it changed (from the server's command tag).
    private func run(_ query: SQLQuery) async throws -> (rows: [SQLRow], changed: Int) {
        let sql = query.sql(for: .postgres)
        let collected = NIOLockedValueBox((rows: [SQLRow](), changed: 0, columns: SQLColumns?.none))
        do {
            try await connection.query(
                sql, query.binds.map(PostgresValues.data),
                onMetadata: { metadata in
                    collected.withLockedValue { $0.changed = metadata.rows ?? 0 }
                },
                onRow: { row in
                    collected.withLockedValue { state in
                        let columns = state.columns ?? SQLColumns(names: row.map(\.columnName))
                        state.columns = columns
                        state.rows.append(SQLRow(columns: columns, values: row.map(PostgresValues.value)))
                    }
                }
            ).get()
        } catch {
            throw PostgresErrors.translate(error, sql: sql)
        }
        return collected.withLockedValue { ($0.rows, $0.changed) }
    }
}
