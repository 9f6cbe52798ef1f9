import PapersCore

/// Time-limited leases on named jobs, so that a scheduled job runs on one instance at a time whichever instances
/// share the database; a lease whose holder died expires and another instance takes the job over.
public struct JobLeases: Sendable {
    let database: any SQLDatabase

    public init(database: any SQLDatabase) {
        self.database = database
    }

    /// Takes (or renews) the lease on `job` for `owner` until `expiresAt`; false when another owner holds it.
    public func acquire(_ job: String, owner: String, at now: Timestamp, expiresAt: Timestamp) async throws -> Bool {
        let changed = try await database.execute(
            """
            INSERT INTO job_leases (name, owner, expires_at) VALUES (\(job), \(owner), \(expiresAt.millisecondsSinceEpoch))
            ON CONFLICT (name) DO UPDATE SET owner = excluded.owner, expires_at = excluded.expires_at
            WHERE job_leases.owner = excluded.owner OR job_leases.expires_at <= \(now.millisecondsSinceEpoch)
            """
        )
        return changed == 1
    }

    /// Gives the lease up early, if `owner` still holds it.
    public func release(_ job: String, owner: String) async throws {
        try await database.execute("UPDATE job_leases SET expires_at = 0 WHERE name = \(job) AND owner = \(owner)")
    }

    /// Who holds the lease on `job` now, if anyone.
    public func holder(of job: String, at now: Timestamp) async throws -> String? {
        try await database.query(
            "SELECT owner FROM job_leases WHERE name = \(job) AND expires_at > \(now.millisecondsSinceEpoch)"
        ).first?.optionalString("owner")
    }
}
