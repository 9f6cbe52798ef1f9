extension Migration {
    /// Papers and the organizations that claim them.
    static let createPapers = Migration(version: 1, name: "create papers and organizations") { dialect in
        let bigint = dialect == .postgres ? "BIGINT" : "INTEGER"
        return [
            """
            CREATE TABLE organizations (
                name TEXT PRIMARY KEY,
                fullname TEXT NOT NULL,
                fullname_as_of TEXT NOT NULL
            )
            """,
            """
            CREATE TABLE papers (
                id TEXT PRIMARY KEY,
                arxiv_id TEXT,
                title TEXT NOT NULL,
                abstract TEXT NOT NULL,
                authors TEXT NOT NULL,
                author_count INTEGER NOT NULL,
                published_at \(unsafeRaw: bigint),
                featured_on TEXT,
                submitted_at \(unsafeRaw: bigint),
                submitted_by TEXT,
                upvotes INTEGER NOT NULL DEFAULT 0,
                num_comments INTEGER NOT NULL DEFAULT 0,
                organization TEXT REFERENCES organizations(name),
                github_repo TEXT,
                github_stars INTEGER,
                project_page TEXT,
                ai_summary TEXT,
                ai_keywords TEXT NOT NULL,
                categories TEXT NOT NULL,
                arxiv_comments TEXT,
                journal_ref TEXT,
                doi TEXT,
                license TEXT,
                media_urls TEXT NOT NULL,
                position INTEGER,
                created_at \(unsafeRaw: bigint) NOT NULL,
                updated_at \(unsafeRaw: bigint) NOT NULL
            )
            """,
            "CREATE INDEX papers_featured ON papers (featured_on, upvotes DESC)",
            "CREATE INDEX papers_published ON papers (published_at)",
            "CREATE INDEX papers_submitter ON papers (submitted_by)",
            "CREATE INDEX papers_organization ON papers (organization)",
        ]
    }
}
