import PapersCore

/// The personal ("For you") digest: which members chose it and how often, and which papers each was sent, so that
/// no paper is mailed to a member twice. Its messages go into the outbox `SQLMailStore` sends.
public struct SQLPersonalDigestStore: Sendable {
    let database: any SQLDatabase

    public init(database: any SQLDatabase) {
        self.database = database
    }

    /// Chooses the member's personal digest (nil: none, the general digest stays as subscribed).
    public func setPersonalDigest(_ frequency: Subscriber.Frequency?, userId: Int64, at now: Timestamp) async throws {
        guard let frequency else {
            _ = try await database.execute("DELETE FROM personal_digests WHERE user_id = \(userId)")
            return
        }
        _ = try await database.execute(
            """
            INSERT INTO personal_digests (user_id, cadence, chosen_at) VALUES (\(userId), \(frequency.rawValue), \(now.millisecondsSinceEpoch))
            ON CONFLICT (user_id) DO UPDATE SET cadence = excluded.cadence, chosen_at = excluded.chosen_at
            """)
    }

    public func personalDigest(userId: Int64) async throws -> Subscriber.Frequency? {
        try await database.query("SELECT cadence FROM personal_digests WHERE user_id = \(userId)").first?.optionalString("cadence")
            .flatMap(Subscriber.Frequency.init)
    }

    /// The next `limit` members after `lastId` who chose the personal digest at `frequency`, with a confirmed
    /// address and not banned, by id.
    public func personalDigestMembers(frequency: Subscriber.Frequency, after lastId: Int64, limit: Int) async throws -> [User] {
        let rows = try await database.query(
            """
            SELECT \(unsafeRaw: UserRow.columns) FROM personal_digests d JOIN users u ON u.id = d.user_id
            WHERE d.cadence = \(frequency.rawValue) AND u.id > \(lastId) AND u.email_verified_at IS NOT NULL AND u.banned_at IS NULL
            ORDER BY u.id LIMIT \(limit)
            """)
        return try rows.map(UserRow.user)
    }

    /// Which of `paperIds` the member was mailed in a personal digest already.
    public func personallySent(userId: Int64, among paperIds: [String]) async throws -> Set<String> {
        var sent: Set<String> = []
        for chunk in paperIds.bindChunks() {
            let rows = try await database.query(
                "SELECT paper_id FROM personal_digest_papers WHERE user_id = \(userId) AND paper_id IN (\(list: chunk))")
            sent.formUnion(rows.compactMap { $0.optionalString("paper_id") })
        }
        return sent
    }

    /// Queues a member's personal digest and records its papers as sent, in one transaction; false when the
    /// message was queued before (composing an edition twice sends nothing twice).
    public func enqueuePersonal(_ message: OutboxMessage, userId: Int64, paperIds: [String], at now: Timestamp) async throws -> Bool {
        let edition = message.edition ?? ""
        return try await database.transaction { connection in
            guard try await SQLMailStore.insert(message, at: now.millisecondsSinceEpoch, on: connection) == 1 else { return false }
            for paperId in paperIds {
                _ = try await connection.execute(
                    """
                    INSERT INTO personal_digest_papers (user_id, paper_id, edition) VALUES (\(userId), \(paperId), \(edition))
                    ON CONFLICT (user_id, paper_id) DO NOTHING
                    """)
            }
            return true
        }
    }

    /// Of `emails` (lower-cased), those of members who receive a personal digest instead of the general one.
    public func personalDigestEmails(among emails: [String]) async throws -> Set<String> {
        var found: Set<String> = []
        for chunk in emails.bindChunks() {
            let rows = try await database.query(
                "SELECT lower(u.email) AS email FROM personal_digests d JOIN users u ON u.id = d.user_id WHERE lower(u.email) IN (\(list: chunk))")
            found.formUnion(rows.compactMap { $0.optionalString("email") })
        }
        return found
    }
}
