extension Migration {
    /// Digest subscribers, the mail outbox and instance settings (such as the key that signs links).
    static let createSubscriptionsAndOutbox = Migration(version: 2, name: "create subscribers, outbox and settings") { dialect in
        let bigint = dialect == .postgres ? "BIGINT" : "INTEGER"
        let serial = dialect == .postgres ? "BIGSERIAL PRIMARY KEY" : "INTEGER PRIMARY KEY AUTOINCREMENT"
        return [
            """
            CREATE TABLE settings (
                key TEXT PRIMARY KEY,
                value TEXT NOT NULL
            )
            """,
            """
            CREATE TABLE subscribers (
                id \(unsafeRaw: serial),
                email TEXT NOT NULL UNIQUE,
                frequency TEXT NOT NULL,
                topics TEXT NOT NULL,
                status TEXT NOT NULL,
                hard_bounces INTEGER NOT NULL DEFAULT 0,
                created_at \(unsafeRaw: bigint) NOT NULL,
                confirmed_at \(unsafeRaw: bigint),
                updated_at \(unsafeRaw: bigint) NOT NULL
            )
            """,
            "CREATE INDEX subscribers_status ON subscribers (status, frequency)",
            """
            CREATE TABLE outbox (
                id \(unsafeRaw: serial),
                message_key TEXT NOT NULL UNIQUE,
                subscriber_id \(unsafeRaw: bigint) REFERENCES subscribers(id) ON DELETE CASCADE,
                recipient TEXT NOT NULL,
                kind TEXT NOT NULL,
                edition TEXT,
                message TEXT NOT NULL,
                status TEXT NOT NULL,
                attempts INTEGER NOT NULL DEFAULT 0,
                next_attempt_at \(unsafeRaw: bigint) NOT NULL,
                last_error TEXT,
                created_at \(unsafeRaw: bigint) NOT NULL,
                sent_at \(unsafeRaw: bigint)
            )
            """,
            "CREATE INDEX outbox_due ON outbox (status, next_attempt_at)",
            "CREATE INDEX outbox_edition ON outbox (edition, subscriber_id)",
        ]
    }
}
