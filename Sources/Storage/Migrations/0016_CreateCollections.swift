extension Migration {
    /// Collections of papers kept by members and organizations, their items (each paper once, in order, with a
    /// note) and their upvotes. A member's collections go with their account; an item goes with its collection.
    static let createCollections = Migration(version: 16, name: "create collections, their items and upvotes") { dialect in
        let bigint = dialect == .postgres ? "BIGINT" : "INTEGER"
        return [
            """
            CREATE TABLE collections (
                id TEXT PRIMARY KEY,
                owner TEXT NOT NULL,
                owner_key TEXT NOT NULL,
                owner_user_id \(unsafeRaw: bigint) REFERENCES users(id) ON DELETE CASCADE,
                owner_organization TEXT REFERENCES organizations(name),
                title TEXT NOT NULL,
                description TEXT NOT NULL,
                private INTEGER NOT NULL,
                theme TEXT NOT NULL,
                upvotes \(unsafeRaw: bigint) NOT NULL DEFAULT 0,
                item_count \(unsafeRaw: bigint) NOT NULL DEFAULT 0,
                created_at \(unsafeRaw: bigint) NOT NULL,
                updated_at \(unsafeRaw: bigint) NOT NULL
            )
            """,
            "CREATE INDEX collections_owner ON collections (owner_key, updated_at)",
            "CREATE INDEX collections_recent ON collections (updated_at)",
            """
            CREATE TABLE collection_items (
                id TEXT PRIMARY KEY,
                collection_id TEXT NOT NULL REFERENCES collections(id) ON DELETE CASCADE,
                paper_id TEXT NOT NULL REFERENCES papers(id),
                position \(unsafeRaw: bigint) NOT NULL,
                note TEXT,
                added_at \(unsafeRaw: bigint) NOT NULL,
                UNIQUE (collection_id, paper_id)
            )
            """,
            "CREATE INDEX collection_items_order ON collection_items (collection_id, position)",
            "CREATE INDEX collection_items_paper ON collection_items (paper_id)",
            """
            CREATE TABLE collection_upvotes (
                collection_id TEXT NOT NULL REFERENCES collections(id) ON DELETE CASCADE,
                user_id \(unsafeRaw: bigint) NOT NULL REFERENCES users(id) ON DELETE CASCADE,
                created_at \(unsafeRaw: bigint) NOT NULL,
                PRIMARY KEY (collection_id, user_id)
            )
            """,
        ]
    }
}
