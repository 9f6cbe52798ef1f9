import PapersCore

/// Applies pending migrations and reports which are pending.
public struct Migrator: Sendable {
    let database: any SQLDatabase
    let migrations: [Migration]

    public init(database: any SQLDatabase, migrations: [Migration] = Migrations.all) {
        self.database = database
        self.migrations = migrations
    }

    /// The versions already applied, ascending.
    public func appliedVersions() async throws -> [Int] {
        try await ensureLedger()
        let rows = try await database.query("SELECT version FROM schema_migrations ORDER BY version")
        return try rows.map { try $0.int("version") }
    }

    /// The migrations not yet applied, found without writing anything (no ledger is a database with none applied):
    /// what a command that only reads checks.
    public func pendingWithoutWriting() async throws -> [Migration] {
        let applied: Set<Int>
        do {
            applied = Set(try await database.query("SELECT version FROM schema_migrations").map { try $0.int("version") })
        } catch let error as SQLError {
            if case .unavailable = error { throw error }
            applied = []
        } catch {
            applied = []
        }
        return migrations.filter { !applied.contains($0.version) }
    }

    /// The migrations not yet applied, in order.
    public func pending() async throws -> [Migration] {
        let applied = Set(try await appliedVersions())
        return migrations.filter { !applied.contains($0.version) }
    }

    /// Applies every pending migration, each in its own transaction; returns those applied.
    ///
    /// Instances starting together on one PostgreSQL database queue on an advisory lock, so exactly one applies
    /// each migration and the others find it done; on SQLite the write lock does the same.
    @discardableResult
    public func migrate(now: Timestamp = .now) async throws -> [Migration] {
        var done: [Migration] = []
        for migration in try await pending() {
            let dialect = database.dialect
            let applied = try await database.transaction { connection -> Bool in
                if dialect == .postgres { _ = try await connection.query("SELECT pg_advisory_xact_lock(\(Self.lockKey))") }
                // Another instance may have applied it since we looked: the ledger insert goes first and conflicts.
                let claimed = try await connection.execute(
                    """
                    INSERT INTO schema_migrations (version, name, applied_at) VALUES (\(migration.version), \(migration.name), \(now.millisecondsSinceEpoch))
                    ON CONFLICT (version) DO NOTHING
                    """
                )
                guard claimed == 1 else { return false }
                for statement in migration.statements(dialect) { try await connection.execute(statement) }
                return true
            }
            if applied { done.append(migration) }
        }
        return done
    }

    /// The advisory lock migrations take on PostgreSQL ("DPMIGRAT" as a number).
    static let lockKey: Int64 = 0x4450_4D49_4752_4154

    private func ensureLedger() async throws {
        let dialect = database.dialect
        let bigint = dialect == .postgres ? "BIGINT" : "INTEGER"
        try await database.transaction { connection in
            // Two sessions creating the same table at once can collide in PostgreSQL's catalog even with IF NOT EXISTS.
            if dialect == .postgres { _ = try await connection.query("SELECT pg_advisory_xact_lock(\(Self.lockKey))") }
            try await connection.execute(
                "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at \(unsafeRaw: bigint) NOT NULL)"
            )
        }
    }
}
