import CSQLite
import Glibc
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
    private let groupCommit = GroupCommit(writer: .shared)
    // Prepared once per connection like every other statement.
    private static let begin: SQLQuery = "BEGIN IMMEDIATE"
    private static let commit: SQLQuery = "COMMIT"
    private static let rollback: SQLQuery = "ROLLBACK"
    private static let savepoint: SQLQuery = "SAVEPOINT job"
    private static let release: SQLQuery = "RELEASE job"
    private static let rollbackToSavepoint: SQLQuery = "ROLLBACK TO job"

    /// Opens (creating if needed) the database at `path`; throws when the file cannot be opened.
    public init(path: String, maxIdleConnections: Int = 64) throws {
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
        try await groupCommit.run(body) { [self] batch in await self.commit(batch) }
    }

    /// Runs a batch of transactions in one: each in a savepoint, one COMMIT for all (see `GroupCommit`).
    private func commit(_ batch: [GroupCommit.Job]) async {
        let connection: SQLiteConnection
        do {
            connection = try borrow()
        } catch {
            for job in batch { job.settle(error) }
            return
        }
        defer { giveBack(connection) }
        do {
            // IMMEDIATE takes the write lock up front, so two writers never deadlock upgrading a read lock.
            _ = try connection.rows(Self.begin)
            for job in batch {
                _ = try connection.rows(Self.savepoint)
                if await !job.run(connection) { _ = try connection.rows(Self.rollbackToSavepoint) }
                _ = try connection.rows(Self.release)
            }
            _ = try connection.rows(Self.commit)
            for job in batch { job.settle(nil) }
        } catch {
            _ = try? connection.rows(Self.rollback)
            for job in batch { job.settle(error) }
        }
    }

    /// A number that changes whenever another connection (in this process or another) commits a change.
    public func dataVersion() throws -> Int {
        try watcher.withLock { connection in
            try connection.rows("PRAGMA data_version").first?.optionalInt("data_version") ?? 0
        }
    }

    /// Writes a consistent copy of the database to `path` (which must not exist) while others keep reading and writing.
    public func backup(to path: String) async throws {
        let connection = try borrow()
        defer { giveBack(connection) }
        _ = try connection.rows("VACUUM INTO \(path)")
    }

    /// An advisory lock on a file beside the database (`flock`): every process using the file sees it, and the
    /// kernel releases it when the process holding it dies.
    public func withExclusiveLock<T: Sendable>(_ name: String, _ body: @Sendable () async throws -> T) async throws -> T? {
        let descriptor = open(path + "-" + name + ".lock", O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw SQLError.open(path: path + "-" + name + ".lock", message: String(cString: strerror(errno))) }
        defer { Glibc.close(descriptor) }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else { return nil }
        defer { flock(descriptor, LOCK_UN) }
        return try await body()
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
