import PapersCore

extension SQLPaperStore {
    /// Applies the paper change log to the SQL keyword index (FTS5 on SQLite, `paper_search` on PostgreSQL) and
    /// returns how many papers it re-indexed. `serve` runs it every second and `search` before it ranks; imports
    /// only write papers, so they never pay for tokenizing abstracts while they write, and searches never write.
    @discardableResult
    public func catchUpSearchIndex(batchSize: Int = 2_000) async throws -> Int {
        var indexed = 0
        // A read first: the common case (nothing new) takes no write lock.
        while try await changeLog.latestChangeSeq() > keywordIndexPosition() {
            indexed += try await database.transaction { connection in
                try await Self.indexNextChanges(batchSize: batchSize, on: connection)
            }
        }
        return indexed
    }

    private func keywordIndexPosition() async throws -> Int64 {
        try await database.query("SELECT seq FROM index_positions WHERE name = 'keywords'").first?.optionalInt64("seq") ?? 0
    }

    /// Indexes the papers of the next `batchSize` changes and moves the position past them, in one transaction.
    private static func indexNextChanges(batchSize: Int, on connection: any SQLConnection) async throws -> Int {
        if connection.dialect == .postgres {
            // Change numbers of concurrent writers can commit out of order; waiting for them here means no number
            // below the newest one can still appear. It also makes instances take turns.
            try await connection.execute("LOCK TABLE paper_changes IN SHARE MODE")
        }
        let position = try await connection.query("SELECT seq FROM index_positions WHERE name = 'keywords'").first?.optionalInt64("seq") ?? 0
        let rows = try await connection.query("SELECT seq, paper_id FROM paper_changes WHERE seq > \(position) ORDER BY seq LIMIT \(batchSize)")
        guard let last = rows.last?.optionalInt64("seq") else { return 0 }
        let ids = [String](Set(try rows.map { try $0.string("paper_id") }))
        for chunk in ids.bindChunks() {
            switch connection.dialect {
                case .sqlite:
                    try await connection.execute("DELETE FROM papers_fts WHERE rowid IN (SELECT rowid FROM papers WHERE id IN (\(list: chunk)))")
                    try await connection.execute(
                        """
                        INSERT INTO papers_fts (rowid, title, abstract, authors, organization)
                        SELECT rowid, title, abstract, authors, organization FROM papers WHERE id IN (\(list: chunk))
                        """
                    )
                case .postgres:
                    try await connection.execute(
                        """
                        INSERT INTO paper_search (paper_id, document)
                        SELECT id, paper_search_document(title, abstract, authors, organization) FROM papers WHERE id IN (\(list: chunk))
                        ON CONFLICT (paper_id) DO UPDATE SET document = excluded.document
                        """
                    )
            }
        }
        try await connection.execute("UPDATE index_positions SET seq = \(last) WHERE name = 'keywords'")
        return ids.count
    }
}
