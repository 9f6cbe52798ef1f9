extension Migration {
    /// A log of papers whose searchable text or visibility changed, numbered by `seq`, written by triggers.
    ///
    /// Every server instance keeps its own in-memory keyword index and embeds new papers in the background; each
    /// reads the log after the last `seq` it saw, so it learns about imports, submissions, edits, hidden papers and
    /// organization changes made by any process, on either engine, without scanning the papers. Votes and comments
    /// never touch it. On PostgreSQL, numbers from concurrent transactions can commit out of order; readers
    /// (`PaperChangeCursor`) look again for numbers they skipped.
    static let createPaperChanges = Migration(version: 8, name: "create the paper change log") { dialect in
        switch dialect {
            case .sqlite: return changeLogSQLite
            case .postgres: return changeLogPostgres
        }
    }

    /// The columns whose change matters to search: the indexed text and whether the paper is shown.
    private static let watchedColumns = "title, abstract, authors, organization, hidden_reason"

    private static let changeLogSQLite: [SQLQuery] = [
        "CREATE TABLE paper_changes (seq INTEGER PRIMARY KEY, paper_id TEXT NOT NULL)",
        "CREATE TRIGGER paper_changes_insert AFTER INSERT ON papers BEGIN INSERT INTO paper_changes (paper_id) VALUES (new.id); END",
        """
        CREATE TRIGGER paper_changes_update AFTER UPDATE OF \(unsafeRaw: watchedColumns) ON papers
        WHEN old.title IS NOT new.title OR old.abstract IS NOT new.abstract OR old.authors IS NOT new.authors
            OR old.organization IS NOT new.organization OR old.hidden_reason IS NOT new.hidden_reason
        BEGIN INSERT INTO paper_changes (paper_id) VALUES (new.id); END
        """,
        "CREATE TRIGGER paper_changes_delete AFTER DELETE ON papers BEGIN INSERT INTO paper_changes (paper_id) VALUES (old.id); END",
    ]

    private static let changeLogPostgres: [SQLQuery] = [
        "CREATE TABLE paper_changes (seq BIGSERIAL PRIMARY KEY, paper_id TEXT NOT NULL)",
        """
        CREATE FUNCTION paper_changes_note() RETURNS TRIGGER LANGUAGE plpgsql AS $$
        BEGIN
            INSERT INTO paper_changes (paper_id) VALUES (CASE WHEN TG_OP = 'DELETE' THEN OLD.id ELSE NEW.id END);
            RETURN NULL;
        END
        $$
        """,
        "CREATE TRIGGER paper_changes_insert AFTER INSERT OR DELETE ON papers FOR EACH ROW EXECUTE FUNCTION paper_changes_note()",
        """
        CREATE TRIGGER paper_changes_update AFTER UPDATE OF \(unsafeRaw: watchedColumns) ON papers FOR EACH ROW
        WHEN (OLD.title IS DISTINCT FROM NEW.title OR OLD.abstract IS DISTINCT FROM NEW.abstract
            OR OLD.authors IS DISTINCT FROM NEW.authors OR OLD.organization IS DISTINCT FROM NEW.organization
            OR OLD.hidden_reason IS DISTINCT FROM NEW.hidden_reason)
        EXECUTE FUNCTION paper_changes_note()
        """,
    ]
}
