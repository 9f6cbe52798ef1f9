/// Copies every table of one database into another, empty one with the same schema version: how an instance
/// moves from SQLite to PostgreSQL (or back) with its members, votes, comments, subscribers and outbox intact.
///
/// The target is written in one transaction, so a failed copy leaves it empty; ids are kept, and PostgreSQL's
/// id sequences are moved past the copied ids afterwards.
public struct DatabaseCopier: Sendable {
    /// A table, the columns that order it (its primary key), and whether its `id` comes from a sequence.
    struct Table: Sendable {
        let name: String
        let key: [String]
        let serialId: Bool
    }

    /// Every table, parents before the tables that refer to them. Not `paper_changes`: the target's own triggers
    /// log the copied papers, and search indexes read that log.
    static let tables: [Table] = [
        Table(name: "settings", key: ["key"], serialId: false),
        Table(name: "organizations", key: ["name"], serialId: false),
        Table(name: "papers", key: ["id"], serialId: false),
        Table(name: "paper_categories", key: ["paper_id", "category"], serialId: false),
        // Embeddings are copied rather than recomputed: a model run over every paper takes hours.
        Table(name: "paper_embeddings", key: ["paper_id"], serialId: false),
        Table(name: "users", key: ["id"], serialId: true),
        Table(name: "sessions", key: ["id"], serialId: false),
        Table(name: "account_tokens", key: ["id"], serialId: false),
        Table(name: "api_tokens", key: ["id"], serialId: true),
        Table(name: "votes", key: ["user_id", "paper_id"], serialId: false),
        Table(name: "comments", key: ["id"], serialId: true),
        Table(name: "organization_members", key: ["organization", "user_id"], serialId: false),
        Table(name: "collections", key: ["id"], serialId: false),
        Table(name: "collection_items", key: ["id"], serialId: false),
        Table(name: "collection_upvotes", key: ["collection_id", "user_id"], serialId: false),
        Table(name: "saved_papers", key: ["user_id", "paper_id"], serialId: false),
        Table(name: "moderation_log", key: ["id"], serialId: true),
        Table(name: "subscribers", key: ["id"], serialId: true),
        Table(name: "outbox", key: ["id"], serialId: true),
        Table(name: "job_leases", key: ["name"], serialId: false),
        Table(name: "ingest_sources", key: ["name"], serialId: false),
        Table(name: "request_slots", key: ["name"], serialId: false),
    ]

    let source: any SQLDatabase
    let target: any SQLDatabase

    public init(from source: any SQLDatabase, to target: any SQLDatabase) {
        self.source = source
        self.target = target
    }

    /// Copies everything; returns the rows copied per table. Throws `TargetNotEmpty` before writing anything when
    /// the target already holds papers, members or subscribers, and `SchemaMismatch` when the versions differ.
    @discardableResult
    public func copy(batchSize: Int = 200, progress: @Sendable (String, Int) -> Void = { _, _ in }) async throws -> [String: Int] {
        let versions = (try await Migrator(database: source).appliedVersions(), try await Migrator(database: target).appliedVersions())
        guard versions.0 == versions.1 else { throw SchemaMismatch(source: versions.0.last ?? 0, target: versions.1.last ?? 0) }
        for table in ["papers", "users", "subscribers"] {
            let count = try await target.query("SELECT COUNT(*) AS n FROM \(unsafeRaw: table)").first?.int("n") ?? 0
            guard count == 0 else { throw TargetNotEmpty(table: table, rows: count) }
        }
        let source = source
        let targetDialect = target.dialect
        return try await target.transaction { connection in
            var copied: [String: Int] = [:]
            for table in Self.tables {
                copied[table.name] = try await Self.copy(table, from: source, to: connection, batchSize: batchSize, progress: progress)
                if table.serialId, targetDialect == .postgres {
                    _ = try await connection.query(
                        "SELECT setval(pg_get_serial_sequence('\(unsafeRaw: table.name)', 'id'), COALESCE(MAX(id), 1), MAX(id) IS NOT NULL) FROM \(unsafeRaw: table.name)"
                    )
                }
            }
            return copied
        }
    }

    /// Pages through one table in key order and inserts each page with one multi-row INSERT.
    private static func copy(
        _ table: Table, from source: any SQLDatabase, to target: any SQLConnection, batchSize: Int,
        progress: @Sendable (String, Int) -> Void
    ) async throws -> Int {
        let keyList = table.key.joined(separator: ", ")
        var last: [SQLValue]?
        var total = 0
        while true {
            let after: SQLQuery = last.map { "WHERE (\(unsafeRaw: keyList)) > (\(list: $0))" } ?? ""
            let rows = try await source.query("SELECT * FROM \(unsafeRaw: table.name) \(after) ORDER BY \(unsafeRaw: keyList) LIMIT \(batchSize)")
            guard let first = rows.first, let lastRow = rows.last else { return total }
            let columns = first.columns.names
            let values = rows.map { row in SQLQuery("(\(list: row.values))") }
            try await target.execute(
                "INSERT INTO \(unsafeRaw: table.name) (\(unsafeRaw: columns.joined(separator: ", "))) VALUES \(SQLQuery.joined(values, separator: ", "))"
            )
            total += rows.count
            progress(table.name, total)
            last = table.key.map { lastRow[$0] }
        }
    }

    /// The target already has data: copying into it could mix two instances.
    public struct TargetNotEmpty: Error, CustomStringConvertible {
        public let table: String
        public let rows: Int
        public var description: String { "The target database is not empty (\(table) has \(rows) rows): copy into a new, empty database" }
    }

    /// The two databases are at different schema versions.
    public struct SchemaMismatch: Error, CustomStringConvertible {
        public let source: Int
        public let target: Int
        public var description: String { "The source is at schema version \(source) and the target at \(target): migrate both first" }
    }
}
