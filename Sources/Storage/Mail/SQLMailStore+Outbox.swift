import PapersCore

/// The outbox: messages queued in the same step as the change that calls for them, sent by `OutboxSender`.
///
/// Once a message has gone (or failed for good, or was cancelled), the outbox keeps its archived copy (the mail
/// without its one-time link) and, after the retention days, nothing.
extension SQLMailStore {
    /// The assignment that swaps a message for its archived copy when it leaves the queue.
    static let archiving = "message = COALESCE(archived_message, message), archived_message = NULL"

    /// Queues messages; a key already queued (sent or not) is skipped. Returns how many were added.
    @discardableResult
    public func enqueue(_ messages: [OutboxMessage], at now: Timestamp) async throws -> Int {
        guard !messages.isEmpty else { return 0 }
        let time = now.millisecondsSinceEpoch
        return try await database.transaction { connection in
            var added = 0
            for message in messages { added += try await Self.insert(message, at: time, on: connection) }
            return added
        }
    }

    /// Inserts `message` as pending unless its key is queued already; returns 1 when it was added.
    static func insert(_ message: OutboxMessage, at time: Int64, on connection: any SQLConnection) async throws -> Int {
        try await connection.execute(
            """
            INSERT INTO outbox (message_key, subscriber_id, user_id, recipient, kind, edition, message, archived_message, status,
                                next_attempt_at, created_at)
            VALUES (\(message.key), \(message.subscriberId), \(message.userId), \(message.recipient), \(message.kind), \(message.edition),
                    \(message.message), \(message.archived), 'pending', \(time), \(time))
            ON CONFLICT (message_key) DO NOTHING
            """
        )
    }

    /// Queues one on-demand message unless it is past `limits` for the last hour; returns the limit it is past.
    /// Counted and queued in one transaction, so requests racing on one process cannot pass a limit together.
    public func enqueue(_ message: OutboxMessage, within limits: MailLimits, at now: Timestamp) async throws -> MailLimits.Exceeded? {
        let since = now.millisecondsSinceEpoch - MailLimits.windowMilliseconds
        let time = now.millisecondsSinceEpoch
        return try await database.transaction { connection in
            func count(_ filter: SQLQuery) async throws -> Int {
                try await connection.query("SELECT COUNT(*) AS n FROM outbox WHERE edition IS NULL AND created_at > \(since) AND \(filter)")
                    .first?.int("n") ?? 0
            }
            if try await count("lower(recipient) = lower(\(message.recipient))") >= limits.perAddress { return .address }
            if let member = message.userId, try await count("user_id = \(member)") >= limits.perMember { return .member }
            if try await count("1 = 1") >= limits.total { return .total }
            _ = try await Self.insert(message, at: time, on: connection)
            return nil
        }
    }

    /// Deletes the messages that left the queue (sent, failed, cancelled) before `cutoff`; returns how many.
    @discardableResult
    public func purgeOutbox(before cutoff: Timestamp) async throws -> Int {
        try await database.execute("DELETE FROM outbox WHERE status <> 'pending' AND created_at < \(cutoff.millisecondsSinceEpoch)")
    }

    /// Which of `ids` already have a message of `edition` in the outbox.
    public func queuedSubscribers(edition: String, ids: [Int64]) async throws -> Set<Int64> {
        guard !ids.isEmpty else { return [] }
        var found: Set<Int64> = []
        for chunk in ids.bindChunks() {
            let rows = try await database.query("SELECT subscriber_id FROM outbox WHERE edition = \(edition) AND subscriber_id IN (\(list: chunk))")
            for row in rows { if let id = row.optionalInt64("subscriber_id") { found.insert(id) } }
        }
        return found
    }

    /// Messages due for sending, oldest first: every message not tried yet, and those whose retry time has come. A
    /// new message does not wait for the clock, so processes whose clocks differ a little (instances, a `digest send`
    /// run, a staging clock) never hold one back.
    public func dueMessages(at now: Timestamp, limit: Int) async throws -> [OutboxMessage] {
        let rows = try await database.query(
            """
            SELECT \(unsafeRaw: Self.outboxColumns) FROM outbox
            WHERE status = 'pending' AND (attempts = 0 OR next_attempt_at <= \(now.millisecondsSinceEpoch)) ORDER BY id LIMIT \(limit)
            """
        )
        return try rows.map(Self.outboxMessage)
    }

    static let outboxColumns = "id, message_key, subscriber_id, recipient, kind, edition, message, attempts"

    static func outboxMessage(_ row: SQLRow) throws -> OutboxMessage {
        OutboxMessage(
            id: row.optionalInt64("id") ?? 0, key: try row.string("message_key"), subscriberId: row.optionalInt64("subscriber_id"),
            recipient: try row.string("recipient"), kind: try row.string("kind"), edition: row.optionalString("edition"),
            message: try row.string("message"), attempts: try row.int("attempts")
        )
    }

    /// Records a message the server accepted.
    public func markSent(id: Int64, at now: Timestamp) async throws {
        try await database.execute(
            """
            UPDATE outbox SET status = 'sent', sent_at = \(now.millisecondsSinceEpoch), attempts = attempts + 1, \(unsafeRaw: Self.archiving)
            WHERE id = \(id)
            """)
    }

    /// Records a temporary failure; the message is tried again at `retryAt`.
    public func markDeferred(id: Int64, error: String, retryAt: Timestamp) async throws {
        try await database.execute(
            "UPDATE outbox SET attempts = attempts + 1, last_error = \(error), next_attempt_at = \(retryAt.millisecondsSinceEpoch) WHERE id = \(id)"
        )
    }

    /// Records a permanent failure; after `bounceLimit` of them the address gets no more mail.
    public func markFailed(id: Int64, subscriberId: Int64?, error: String, bounceLimit: Int, at now: Timestamp) async throws {
        try await database.transaction { connection in
            try await connection.execute(
                "UPDATE outbox SET status = 'failed', attempts = attempts + 1, last_error = \(error), \(unsafeRaw: Self.archiving) WHERE id = \(id)")
            guard let subscriberId else { return }
            try await connection.execute(
                """
                UPDATE subscribers SET hard_bounces = hard_bounces + 1,
                    status = CASE WHEN hard_bounces + 1 >= \(bounceLimit) THEN 'bounced' ELSE status END, updated_at = \(now.millisecondsSinceEpoch)
                WHERE id = \(subscriberId)
                """
            )
            try await connection.execute(
                """
                UPDATE outbox SET status = 'cancelled', \(unsafeRaw: Self.archiving)
                WHERE subscriber_id = \(subscriberId) AND status = 'pending' AND (SELECT status FROM subscribers WHERE id = \(subscriberId)) = 'bounced'
                """
            )
        }
    }

    /// How many messages are in each status, for progress and summaries.
    public func outboxCounts(edition: String? = nil) async throws -> [String: Int] {
        let filter: SQLQuery = edition.map { "WHERE edition = \($0)" } ?? ""
        let rows = try await database.query("SELECT status, COUNT(*) AS n FROM outbox \(filter) GROUP BY status")
        var counts: [String: Int] = [:]
        for row in rows { counts[try row.string("status")] = try row.int("n") }
        return counts
    }
}
