extension Migration {
    /// Leases that make a scheduled job (the digest composer, later the embedding backfill) run on one instance at a time.
    static let createJobLeases = Migration(version: 5, name: "create job leases") { dialect in
        let bigint = dialect == .postgres ? "BIGINT" : "INTEGER"
        return [
            """
            CREATE TABLE job_leases (
                name TEXT PRIMARY KEY,
                owner TEXT NOT NULL,
                expires_at \(unsafeRaw: bigint) NOT NULL
            )
            """
        ]
    }
}
