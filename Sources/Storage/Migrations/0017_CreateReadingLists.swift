extension Migration {
    /// Each member's reading list: the papers they saved, when, whether they read them, and a private note.
    static let createReadingLists = Migration(version: 17, name: "create reading lists") { dialect in
        let bigint = dialect == .postgres ? "BIGINT" : "INTEGER"
        return [
            """
            CREATE TABLE saved_papers (
                user_id \(unsafeRaw: bigint) NOT NULL REFERENCES users(id) ON DELETE CASCADE,
                paper_id TEXT NOT NULL REFERENCES papers(id),
                saved_at \(unsafeRaw: bigint) NOT NULL,
                read_at \(unsafeRaw: bigint),
                note TEXT,
                PRIMARY KEY (user_id, paper_id)
            )
            """,
            "CREATE INDEX saved_papers_recent ON saved_papers (user_id, saved_at)",
        ]
    }
}
