extension Migration {
    /// Members, sessions, one-time account links, API tokens, votes, comments, organization members and the moderation log.
    ///
    /// Community votes and comments are counted in their own paper columns, so re-importing a paper's source record
    /// (which carries the source's counts) never loses or double-counts what members did here.
    static let createCommunity = Migration(version: 3, name: "create users, sessions, votes, comments and moderation") { dialect in
        let bigint = dialect == .postgres ? "BIGINT" : "INTEGER"
        let serial = dialect == .postgres ? "BIGSERIAL PRIMARY KEY" : "INTEGER PRIMARY KEY AUTOINCREMENT"
        return [
            """
            CREATE TABLE users (
                id \(unsafeRaw: serial),
                username TEXT NOT NULL,
                username_key TEXT NOT NULL UNIQUE,
                email TEXT NOT NULL UNIQUE,
                password_hash TEXT NOT NULL,
                role TEXT NOT NULL DEFAULT 'user',
                email_verified_at \(unsafeRaw: bigint),
                banned_at \(unsafeRaw: bigint),
                created_at \(unsafeRaw: bigint) NOT NULL
            )
            """,
            """
            CREATE TABLE sessions (
                id TEXT PRIMARY KEY,
                user_id \(unsafeRaw: bigint) NOT NULL REFERENCES users(id) ON DELETE CASCADE,
                csrf TEXT NOT NULL,
                created_at \(unsafeRaw: bigint) NOT NULL,
                expires_at \(unsafeRaw: bigint) NOT NULL
            )
            """,
            "CREATE INDEX sessions_user ON sessions (user_id)",
            """
            CREATE TABLE account_tokens (
                id TEXT PRIMARY KEY,
                user_id \(unsafeRaw: bigint) NOT NULL REFERENCES users(id) ON DELETE CASCADE,
                purpose TEXT NOT NULL,
                new_email TEXT,
                created_at \(unsafeRaw: bigint) NOT NULL,
                expires_at \(unsafeRaw: bigint) NOT NULL,
                used_at \(unsafeRaw: bigint)
            )
            """,
            """
            CREATE TABLE api_tokens (
                id \(unsafeRaw: serial),
                user_id \(unsafeRaw: bigint) NOT NULL REFERENCES users(id) ON DELETE CASCADE,
                name TEXT NOT NULL,
                token_hash TEXT NOT NULL UNIQUE,
                prefix TEXT NOT NULL,
                created_at \(unsafeRaw: bigint) NOT NULL,
                last_used_at \(unsafeRaw: bigint),
                revoked_at \(unsafeRaw: bigint)
            )
            """,
            """
            CREATE TABLE votes (
                user_id \(unsafeRaw: bigint) NOT NULL REFERENCES users(id) ON DELETE CASCADE,
                paper_id TEXT NOT NULL REFERENCES papers(id),
                created_at \(unsafeRaw: bigint) NOT NULL,
                PRIMARY KEY (user_id, paper_id)
            )
            """,
            "CREATE INDEX votes_paper ON votes (paper_id)",
            """
            CREATE TABLE comments (
                id \(unsafeRaw: serial),
                paper_id TEXT NOT NULL REFERENCES papers(id),
                parent_id \(unsafeRaw: bigint) REFERENCES comments(id),
                user_id \(unsafeRaw: bigint) REFERENCES users(id) ON DELETE SET NULL,
                body TEXT NOT NULL,
                created_at \(unsafeRaw: bigint) NOT NULL,
                edited_at \(unsafeRaw: bigint),
                deleted_at \(unsafeRaw: bigint),
                hidden_reason TEXT
            )
            """,
            "CREATE INDEX comments_paper ON comments (paper_id, created_at)",
            """
            CREATE TABLE organization_members (
                organization TEXT NOT NULL REFERENCES organizations(name),
                user_id \(unsafeRaw: bigint) NOT NULL REFERENCES users(id) ON DELETE CASCADE,
                role TEXT NOT NULL,
                PRIMARY KEY (organization, user_id)
            )
            """,
            """
            CREATE TABLE moderation_log (
                id \(unsafeRaw: serial),
                moderator TEXT NOT NULL,
                action TEXT NOT NULL,
                target TEXT NOT NULL,
                reason TEXT,
                created_at \(unsafeRaw: bigint) NOT NULL
            )
            """,
            "ALTER TABLE papers ADD COLUMN community_upvotes INTEGER NOT NULL DEFAULT 0",
            "ALTER TABLE papers ADD COLUMN community_comments INTEGER NOT NULL DEFAULT 0",
            "ALTER TABLE papers ADD COLUMN hidden_reason TEXT",
            "CREATE INDEX papers_submitted_on ON papers (submitted_by, submitted_at)",
        ]
    }
}
