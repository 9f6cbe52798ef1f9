extension Migration {
    /// The SQL keyword index (SQLite's FTS5 table, PostgreSQL's `paper_search`) follows the paper change log, as the
    /// in-memory keyword index and the embeddings do: `index_positions` keeps the last change each SQL index has
    /// applied. Replaces SQLite's `search_backlog` (the papers it still held are indexed here) and PostgreSQL's
    /// trigger (which had kept the index current, so its position starts at the newest change).
    static let followTheChangeLogForSearch = Migration(version: 12, name: "feed the SQL keyword index from the change log") { dialect in
        let position: SQLQuery = "INSERT INTO index_positions (name, seq) SELECT 'keywords', COALESCE(MAX(seq), 0) FROM paper_changes"
        let table: SQLQuery = "CREATE TABLE index_positions (name TEXT PRIMARY KEY, seq BIGINT NOT NULL)"
        switch dialect {
            case .sqlite:
                return [
                    table,
                    "DELETE FROM papers_fts WHERE rowid IN (SELECT paper_rowid FROM search_backlog)",
                    """
                    INSERT INTO papers_fts (rowid, title, abstract, authors, organization)
                    SELECT rowid, title, abstract, authors, organization FROM papers WHERE rowid IN (SELECT paper_rowid FROM search_backlog)
                    """,
                    "DROP TABLE search_backlog",
                    position,
                ]
            case .postgres:
                return [table, "DROP TRIGGER paper_search_refresh ON papers", "DROP FUNCTION paper_search_refresh()", position]
        }
    }
}
