extension Migration {
    /// What arXiv's harvest brings: each paper's announcement (day and type) and versions, its categories as rows
    /// (so category pages and `cat:` read an index instead of scanning JSON), each source's harvest state, and the
    /// request slots that keep every instance together within a source's politeness limit.
    static let storeArxivListings = Migration(version: 13, name: "store arXiv announcements, versions, categories and harvest state") { dialect in
        let categories: SQLQuery =
            switch dialect {
                case .sqlite:
                    """
                    INSERT INTO paper_categories (paper_id, category, position)
                    SELECT p.id, c.value, MIN(CAST(c.key AS INTEGER)) FROM papers p, json_each(p.categories) c
                    WHERE c.value <> '' GROUP BY p.id, c.value
                    """
                case .postgres:
                    """
                    INSERT INTO paper_categories (paper_id, category, position)
                    SELECT p.id, c.value, MIN(c.ordinality) - 1 FROM papers p, jsonb_array_elements_text(p.categories::jsonb) WITH ORDINALITY c(value, ordinality)
                    WHERE c.value <> '' GROUP BY p.id, c.value
                    """
            }
        return [
            "ALTER TABLE papers ADD COLUMN announced_on TEXT",
            "ALTER TABLE papers ADD COLUMN announce_type TEXT",
            "ALTER TABLE papers ADD COLUMN version_count INTEGER",
            "ALTER TABLE papers ADD COLUMN latest_version_at BIGINT",
            "ALTER TABLE papers ADD COLUMN withdrawn INTEGER NOT NULL DEFAULT 0",
            "CREATE INDEX papers_announced ON papers (announced_on) WHERE announced_on IS NOT NULL",
            """
            CREATE TABLE paper_categories (
                paper_id TEXT NOT NULL REFERENCES papers (id) ON DELETE CASCADE,
                category TEXT NOT NULL,
                position INTEGER NOT NULL,
                PRIMARY KEY (paper_id, category)
            )
            """,
            "CREATE INDEX paper_categories_by_category ON paper_categories (category, paper_id)",
            categories,
            """
            CREATE TABLE ingest_sources (
                name TEXT PRIMARY KEY,
                checkpoint TEXT,
                resumption_token TEXT,
                run_started_at BIGINT,
                last_run_at BIGINT,
                last_success_at BIGINT,
                added INTEGER NOT NULL DEFAULT 0,
                updated INTEGER NOT NULL DEFAULT 0,
                skipped INTEGER NOT NULL DEFAULT 0,
                requests INTEGER NOT NULL DEFAULT 0,
                last_error TEXT,
                next_run_at BIGINT
            )
            """,
            "CREATE TABLE request_slots (name TEXT PRIMARY KEY, next_at BIGINT NOT NULL)",
        ]
    }
}
