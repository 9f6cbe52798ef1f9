extension Migration {
    /// The keyword index of papers (title, abstract, authors, organization); votes never touch it.
    ///
    /// SQLite: an FTS5 table (Porter stemming, accents folded) ranked with BM25. `SQLPaperStore.apply` notes the
    /// papers it writes in `search_backlog` (one statement per batch) and `catchUpSearchIndex` indexes the backlog,
    /// so an import does not pay for tokenizing every abstract while it writes.
    /// PostgreSQL: a `tsvector` per paper (English stemming for title and abstract, weighted A/B/C) with a GIN index,
    /// written by a trigger that fires only when those columns change.
    static let createSearchIndex = Migration(version: 6, name: "create the keyword search index") { dialect in
        switch dialect {
            case .sqlite: return sqliteStatements
            case .postgres: return postgresStatements
        }
    }

    private static let sqliteStatements: [SQLQuery] = [
        "CREATE VIRTUAL TABLE papers_fts USING fts5(title, abstract, authors, organization, tokenize='porter unicode61 remove_diacritics 2')",
        "CREATE TABLE search_backlog (paper_rowid INTEGER PRIMARY KEY)",
        "INSERT INTO search_backlog (paper_rowid) SELECT rowid FROM papers",
    ]

    private static let postgresStatements: [SQLQuery] = [
        """
        CREATE TABLE paper_search (
            paper_id TEXT PRIMARY KEY REFERENCES papers(id) ON DELETE CASCADE,
            document TSVECTOR NOT NULL
        )
        """,
        "CREATE INDEX paper_search_document ON paper_search USING GIN (document)",
        """
        CREATE FUNCTION paper_search_document(title TEXT, abstract TEXT, authors TEXT, organization TEXT) RETURNS TSVECTOR
        LANGUAGE SQL IMMUTABLE AS $$
            SELECT setweight(to_tsvector('english', title), 'A')
                || setweight(to_tsvector('english', abstract), 'B')
                || setweight(to_tsvector('simple', authors), 'C')
                || setweight(to_tsvector('simple', coalesce(organization, '')), 'C')
        $$
        """,
        """
        CREATE FUNCTION paper_search_refresh() RETURNS TRIGGER LANGUAGE plpgsql AS $$
        BEGIN
            INSERT INTO paper_search (paper_id, document)
            VALUES (NEW.id, paper_search_document(NEW.title, NEW.abstract, NEW.authors, NEW.organization))
            ON CONFLICT (paper_id) DO UPDATE SET document = excluded.document;
            RETURN NULL;
        END
        $$
        """,
        """
        CREATE TRIGGER paper_search_refresh AFTER INSERT OR UPDATE OF title, abstract, authors, organization ON papers
        FOR EACH ROW EXECUTE FUNCTION paper_search_refresh()
        """,
        """
        INSERT INTO paper_search (paper_id, document)
        SELECT id, paper_search_document(title, abstract, authors, organization) FROM papers
        """,
    ]
}
