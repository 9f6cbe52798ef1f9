import CSQLite
import Synchronization

/// An SQLite database file with a small pool of connections (WAL mode: readers never wait for the writer).
public final class SQLiteDatabase: SQLDatabase {
    /// The database file's path.
    public let path: String
    public var dialect: SQLDialect { .sqlite }

    private let idle = Mutex<[SQLiteConnection]>([])
    // PRAGMA data_version is per connection, so change detection needs one connection of its own.
    private let watcher: Mutex<SQLiteConnection>
    private let maxIdleConnections: Int

    /// Opens (creating if needed) the database at `path`; throws when the file cannot be opened.
    public init(path: String, maxIdleConnections: Int = 8) throws {
        self.path = path
        self.maxIdleConnections = maxIdleConnections
        let first = try SQLiteConnection(path: path)
        idle.withLock { $0.append(first) }
        watcher = Mutex(try SQLiteConnection(path: path))
    }

    public func withConnection<T: Sendable>(_ body: @Sendable (any SQLConnection) async throws -> T) async throws -> T {
        let connection = try borrow()
        defer { giveBack(connection) }
        return try await body(connection)
    }

    public func transaction<T: Sendable>(_ body: @Sendable (any SQLConnection) async throws -> T) async throws -> T {
        let connection = try borrow()
        defer { giveBack(connection) }
        // IMMEDIATE takes the write lock up front, so two writers never deadlock upgrading a read lock.
        try connection.run("BEGIN IMMEDIATE")
        do {
            let result = try await body(connection)
            try connection.run("COMMIT")
            return result
        } catch {
            try? connection.run("ROLLBACK")
            throw error
        }
    }

    /// A number that changes whenever another connection (in this process or another) commits a change.
    public func dataVersion() throws -> Int {
        try watcher.withLock { connection in
            try connection.rows("PRAGMA data_version").first?.optionalInt("data_version") ?? 0
        }
    }

    public func close() async {
        idle.withLock { $0.removeAll() }
    }

    private func borrow() throws -> SQLiteConnection {
        if let connection = idle.withLock({ $0.popLast() }) { return connection }
        return try SQLiteConnection(path: path)
    }

    private func giveBack(_ connection: SQLiteConnection) {
        idle.withLock { pool in
            if pool.count < maxIdleConnections { pool.append(connection) }
        }
    }
}
