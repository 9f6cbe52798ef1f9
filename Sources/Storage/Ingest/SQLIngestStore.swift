import PapersCore

/// Each source's harvest state in `ingest_sources`: the checkpoint a restarted run resumes from, and what the last run
/// did, for `dailypapers ingest status` and the operators' page.
public struct SQLIngestStore: Sendable {
    let database: any SQLDatabase

    public init(database: any SQLDatabase) {
        self.database = database
    }

    /// Every source's state; sources that never ran are listed empty.
    public func states() async throws -> [IngestState] {
        let rows = try await database.query("SELECT * FROM ingest_sources")
        var known: [IngestState.Source: IngestState] = [:]
        for row in rows {
            guard let source = row.optionalString("name").flatMap(IngestState.Source.init(rawValue:)) else { continue }
            known[source] = Self.decode(row, source: source)
        }
        return IngestState.Source.allCases.map { known[$0] ?? IngestState(source: $0) }
    }

    /// One source's state.
    public func state(of source: IngestState.Source) async throws -> IngestState {
        let rows = try await database.query("SELECT * FROM ingest_sources WHERE name = \(source.rawValue)")
        return rows.first.map { Self.decode($0, source: source) } ?? IngestState(source: source)
    }

    /// Marks a run as started.
    public func start(_ source: IngestState.Source, at now: Timestamp) async throws {
        try await database.execute(
            """
            INSERT INTO ingest_sources (name, run_started_at) VALUES (\(source.rawValue), \(now.millisecondsSinceEpoch))
            ON CONFLICT (name) DO UPDATE SET run_started_at = excluded.run_started_at
            """
        )
    }

    /// Saves where a run stands, after the papers of a page were stored: a restart resumes from here.
    public func save(_ source: IngestState.Source, checkpoint: String?, resumptionToken: String?) async throws {
        try await database.execute(
            """
            INSERT INTO ingest_sources (name, checkpoint, resumption_token) VALUES (\(source.rawValue), \(checkpoint), \(resumptionToken))
            ON CONFLICT (name) DO UPDATE SET checkpoint = excluded.checkpoint, resumption_token = excluded.resumption_token
            """
        )
    }

    /// Records the end of a run: what it did, its error in plain words (nil when it succeeded) and the next run.
    public func finish(_ source: IngestState.Source, counts: RunCounts, error: String?, nextRunAt: Timestamp?, at now: Timestamp) async throws {
        let success: Int64? = error == nil ? now.millisecondsSinceEpoch : nil
        try await database.execute(
            """
            INSERT INTO ingest_sources (name, last_run_at, last_success_at, added, updated, skipped, requests, last_error, next_run_at)
            VALUES (\(source.rawValue), \(now.millisecondsSinceEpoch), \(success), \(counts.added), \(counts.updated), \(counts.skipped),
                    \(counts.requests), \(error), \(nextRunAt?.millisecondsSinceEpoch))
            ON CONFLICT (name) DO UPDATE SET run_started_at = NULL, last_run_at = excluded.last_run_at,
                last_success_at = COALESCE(excluded.last_success_at, ingest_sources.last_success_at), added = excluded.added,
                updated = excluded.updated, skipped = excluded.skipped, requests = excluded.requests,
                last_error = excluded.last_error, next_run_at = excluded.next_run_at
            """
        )
    }

    /// Records when a source runs next (the scheduler's plan), leaving the rest as it is.
    public func schedule(_ source: IngestState.Source, nextRunAt: Timestamp) async throws {
        try await database.execute(
            """
            INSERT INTO ingest_sources (name, next_run_at) VALUES (\(source.rawValue), \(nextRunAt.millisecondsSinceEpoch))
            ON CONFLICT (name) DO UPDATE SET next_run_at = excluded.next_run_at
            """
        )
    }

    private static func decode(_ row: SQLRow, source: IngestState.Source) -> IngestState {
        func time(_ column: String) -> Timestamp? { row.optionalInt64(column).map(Timestamp.init(millisecondsSinceEpoch:)) }
        return IngestState(
            source: source, checkpoint: row.optionalString("checkpoint"), resumptionToken: row.optionalString("resumption_token"),
            runStartedAt: time("run_started_at"), lastRunAt: time("last_run_at"), lastSuccessAt: time("last_success_at"),
            added: row.optionalInt("added") ?? 0, updated: row.optionalInt("updated") ?? 0, skipped: row.optionalInt("skipped") ?? 0,
            requests: row.optionalInt("requests") ?? 0, lastError: row.optionalString("last_error"), nextRunAt: time("next_run_at")
        )
    }
}
