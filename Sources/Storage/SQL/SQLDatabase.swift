/// A database that runs `SQLQuery`s: the one seam between the stores and an engine (SQLite now, PostgreSQL next).
public protocol SQLDatabase: Sendable {
    /// The engine's dialect, for the few statements that must differ.
    var dialect: SQLDialect { get }

    /// Runs `body` on one connection, outside a transaction.
    func withConnection<T: Sendable>(_ body: @Sendable (any SQLConnection) async throws -> T) async throws -> T

    /// Runs `body` in one transaction: committed when it returns, rolled back when it throws.
    func transaction<T: Sendable>(_ body: @Sendable (any SQLConnection) async throws -> T) async throws -> T

    /// Runs `body` while this process holds the named lock, shared with every process on the same database; nil
    /// without running it when another process holds the lock. A process that dies releases its locks at once.
    func withExclusiveLock<T: Sendable>(_ name: String, _ body: @Sendable () async throws -> T) async throws -> T?

    /// Closes every connection.
    func close() async
}

/// One database connection; a store passes it between the statements of a unit of work.
public protocol SQLConnection: Sendable {
    /// The engine's dialect.
    var dialect: SQLDialect { get }

    /// Runs a statement and returns its rows.
    func query(_ query: SQLQuery) async throws -> [SQLRow]

    /// Runs a statement and returns how many rows it changed.
    @discardableResult
    func execute(_ query: SQLQuery) async throws -> Int
}

extension SQLDatabase {
    /// Runs a statement on any connection and returns its rows.
    public func query(_ query: SQLQuery) async throws -> [SQLRow] {
        try await withConnection { try await $0.query(query) }
    }

    /// Runs a statement that writes and returns rows (`… RETURNING`), in a transaction of its own.
    public func write(_ query: SQLQuery) async throws -> [SQLRow] {
        try await transaction { try await $0.query(query) }
    }

    /// Runs a statement that writes, in a transaction of its own, and returns how many rows it changed.
    @discardableResult
    public func execute(_ query: SQLQuery) async throws -> Int {
        try await transaction { try await $0.execute(query) }
    }
}
