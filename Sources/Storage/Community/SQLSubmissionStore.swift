import PapersCore

/// Members' submissions: featuring a paper on a day, and how many a member submitted, on any `SQLDatabase`.
///
/// Each method is one statement or one transaction, so nothing is ever half-written.
public struct SQLSubmissionStore: Sendable {
    let database: any SQLDatabase

    public init(database: any SQLDatabase) {
        self.database = database
    }
    /// How many papers a member submitted on `day` (UTC).
    public func submissionCount(username: String, on day: Day) async throws -> Int {
        let start = Timestamp(day: day).millisecondsSinceEpoch
        let rows = try await database.query(
            """
            SELECT COUNT(*) AS n FROM papers
            WHERE submitted_by = \(username) AND submitted_here = 1 AND submitted_at >= \(start) AND submitted_at < \(start + 86_400_000)
            """
        )
        return try rows.first?.int("n") ?? 0
    }

    /// Features a stored paper on `day` for its submitter. Only a paper not featured yet can be: if another
    /// submission won the race, this one is refused rather than moving the paper.
    public func feature(paperId: String, on day: Day, submitter: String, at now: Timestamp) async throws {
        let updated = try await database.execute(
            """
            UPDATE papers SET featured_on = \(day.description), submitted_by = \(submitter), submitted_here = 1, submitted_at = \(now.millisecondsSinceEpoch),
                updated_at = \(now.millisecondsSinceEpoch)
            WHERE id = \(paperId) AND featured_on IS NULL AND hidden_reason IS NULL
            """
        )
        guard updated > 0 else { throw CommunityError.conflict("This paper was featured meanwhile; a paper is featured once.") }
    }
}
