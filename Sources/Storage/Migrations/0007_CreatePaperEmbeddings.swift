extension Migration {
    /// One embedding per paper (of its title and abstract), for search by meaning and similar papers.
    ///
    /// `vector` is compact: int8 components and their float32 scale (`Search.PackedVector`), 388 bytes for 384
    /// dimensions. `model` names the model that made it; `seq` grows with every write, so each server instance can
    /// load what it has not seen yet. When a paper's title or abstract changes, a trigger drops its embedding so the
    /// embedder makes it again.
    static let createPaperEmbeddings = Migration(version: 7, name: "create paper embeddings") { dialect in
        let binary = dialect == .postgres ? "BYTEA" : "BLOB"
        let common: [SQLQuery] = [
            """
            CREATE TABLE paper_embeddings (
                paper_id TEXT PRIMARY KEY REFERENCES papers(id) ON DELETE CASCADE,
                model TEXT NOT NULL,
                vector \(unsafeRaw: binary) NOT NULL,
                seq BIGINT NOT NULL
            )
            """,
            "CREATE INDEX paper_embeddings_seq ON paper_embeddings (seq)",
        ]
        switch dialect {
            case .sqlite:
                return common + [
                    """
                    CREATE TRIGGER paper_embeddings_stale AFTER UPDATE OF title, abstract ON papers
                    WHEN old.title IS NOT new.title OR old.abstract IS NOT new.abstract
                    BEGIN DELETE FROM paper_embeddings WHERE paper_id = new.id; END
                    """
                ]
            case .postgres:
                return common + [
                    """
                    CREATE FUNCTION paper_embeddings_stale() RETURNS TRIGGER LANGUAGE plpgsql AS $$
                    BEGIN
                        DELETE FROM paper_embeddings WHERE paper_id = NEW.id;
                        RETURN NULL;
                    END
                    $$
                    """,
                    """
                    CREATE TRIGGER paper_embeddings_stale AFTER UPDATE OF title, abstract ON papers
                    FOR EACH ROW WHEN (OLD.title IS DISTINCT FROM NEW.title OR OLD.abstract IS DISTINCT FROM NEW.abstract)
                    EXECUTE FUNCTION paper_embeddings_stale()
                    """,
                ]
        }
    }
}
