import PapersCore

/// Members' upvotes, with each paper's community count moved in the same transaction, on any `SQLDatabase`.
///
/// Each method is one statement or one transaction, so nothing is ever half-written.
public struct SQLVoteStore: Sendable {
    let database: any SQLDatabase

    public init(database: any SQLDatabase) {
        self.database = database
    }
    /// Sets whether the member upvotes the paper. Idempotent: the count moves only when the vote row is
    /// inserted or deleted, in the same transaction, so any number of identical requests count once.
    public func setVote(userId: Int64, paperId: String, upvoted: Bool, at now: Timestamp) async throws -> VoteResult {
        if database.dialect == .postgres { return try await setVoteInOneStatement(userId: userId, paperId: paperId, upvoted: upvoted, at: now) }
        return try await database.transaction { connection in
            let changed: Int
            do {
                changed =
                    upvoted
                    ? try await connection.execute(
                        """
                        INSERT INTO votes (user_id, paper_id, created_at) VALUES (\(userId), \(paperId), \(now.millisecondsSinceEpoch))
                        ON CONFLICT (user_id, paper_id) DO NOTHING
                        """
                    )
                    : try await connection.execute("DELETE FROM votes WHERE user_id = \(userId) AND paper_id = \(paperId)")
            } catch SQLError.constraint {
                throw Self.noSuchPaper(paperId)
            }
            // Two statements in the common case: the vote row, then the count (which also proves the paper visible).
            let total =
                changed > 0
                ? try await connection.query(
                    """
                    UPDATE papers SET community_upvotes = community_upvotes + \(upvoted ? 1 : -1)
                    WHERE id = \(paperId) AND hidden_reason IS NULL RETURNING upvotes + community_upvotes AS total
                    """
                )
                : try await connection.query(
                    "SELECT upvotes + community_upvotes AS total FROM papers WHERE id = \(paperId) AND hidden_reason IS NULL")
            guard let row = total.first else { throw Self.noSuchPaper(paperId) }
            return VoteResult(upvotes: try row.int("total"), upvoted: upvoted)
        }
    }

    /// PostgreSQL: the same vote as one statement (data-modifying CTEs, committed on its own): one round trip
    /// instead of four. The vote row changes only for a visible paper, and the count moves only if it changed.
    private func setVoteInOneStatement(userId: Int64, paperId: String, upvoted: Bool, at now: Timestamp) async throws -> VoteResult {
        let change: SQLQuery =
            upvoted
            ? """
            INSERT INTO votes (user_id, paper_id, created_at)
            SELECT \(userId), id, \(now.millisecondsSinceEpoch) FROM papers WHERE id = \(paperId) AND hidden_reason IS NULL
            ON CONFLICT (user_id, paper_id) DO NOTHING RETURNING paper_id
            """
            : """
            DELETE FROM votes v USING papers p
            WHERE v.user_id = \(userId) AND v.paper_id = \(paperId) AND p.id = v.paper_id AND p.hidden_reason IS NULL
            RETURNING v.paper_id
            """
        let rows = try await database.query(
            """
            WITH changed AS (\(change)),
            counted AS (
                UPDATE papers SET community_upvotes = community_upvotes + \(upvoted ? 1 : -1)
                WHERE id IN (SELECT paper_id FROM changed) RETURNING upvotes + community_upvotes AS total
            )
            SELECT COALESCE((SELECT total FROM counted),
                            (SELECT upvotes + community_upvotes FROM papers WHERE id = \(paperId) AND hidden_reason IS NULL)) AS total
            """
        )
        guard let total = rows.first?.optionalInt("total") else { throw Self.noSuchPaper(paperId) }
        return VoteResult(upvotes: total, upvoted: upvoted)
    }

    static func noSuchPaper(_ id: String) -> CommunityError {
        CommunityError.notFound("No paper with id '\(id)' is in DailyPapers.")
    }

    /// The papers a member upvoted, most recent vote first.
    public func upvotedPapers(userId: Int64, limit: Int, offset: Int = 0) async throws -> [Paper] {
        let rows = try await database.query(
            """
            SELECT \(unsafeRaw: SQLPaperStore.columns) FROM votes v JOIN papers p ON p.id = v.paper_id
            LEFT JOIN organizations o ON o.name = p.organization
            WHERE v.user_id = \(userId) AND \(unsafeRaw: SQLPaperStore.visible)
            ORDER BY v.created_at DESC, p.id LIMIT \(limit) OFFSET \(offset)
            """
        )
        return try rows.map(PaperRow.decode)
    }
}

extension SQLVoteStore {
    /// Which of `paperIds` the member upvoted: one primary-key look-up each, however many votes they cast.
    public func upvotedIds(userId: Int64, among paperIds: [String]) async throws -> Set<String> {
        var found: Set<String> = []
        for chunk in paperIds.bindChunks() {
            let rows = try await database.query("SELECT paper_id FROM votes WHERE user_id = \(userId) AND paper_id IN (\(list: chunk))")
            found.formUnion(rows.compactMap { $0.optionalString("paper_id") })
        }
        return found
    }
}
