extension Migration {
    /// What members follow (authors, organizations, categories, collections, topics), the papers they marked "not
    /// interested", whether others may see their follows, and their choice of digest.
    static let createFollows = Migration(version: 19, name: "create follows, dismissed papers and personal digests") { dialect in
        let bigint = dialect == .postgres ? "BIGINT" : "INTEGER"
        return [
            """
            CREATE TABLE follows (
                user_id \(unsafeRaw: bigint) NOT NULL REFERENCES users(id) ON DELETE CASCADE,
                kind TEXT NOT NULL,
                value_key TEXT NOT NULL,
                value TEXT NOT NULL,
                created_at \(unsafeRaw: bigint) NOT NULL,
                PRIMARY KEY (user_id, kind, value_key)
            )
            """,
            "CREATE INDEX follows_by_value ON follows (kind, value_key)",
            """
            CREATE TABLE dismissed_papers (
                user_id \(unsafeRaw: bigint) NOT NULL REFERENCES users(id) ON DELETE CASCADE,
                paper_id TEXT NOT NULL REFERENCES papers(id),
                dismissed_at \(unsafeRaw: bigint) NOT NULL,
                PRIMARY KEY (user_id, paper_id)
            )
            """,
            "CREATE INDEX dismissed_papers_recent ON dismissed_papers (user_id, dismissed_at)",
            "ALTER TABLE users ADD COLUMN follows_public INTEGER NOT NULL DEFAULT 0",
            """
            CREATE TABLE personal_digests (
                user_id \(unsafeRaw: bigint) PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
                cadence TEXT NOT NULL,
                chosen_at \(unsafeRaw: bigint) NOT NULL,
                last_edition TEXT
            )
            """,
            """
            CREATE TABLE personal_digest_papers (
                user_id \(unsafeRaw: bigint) NOT NULL REFERENCES users(id) ON DELETE CASCADE,
                paper_id TEXT NOT NULL,
                edition TEXT NOT NULL,
                PRIMARY KEY (user_id, paper_id)
            )
            """,
        ]
    }
}
