import PapersCore

/// Subscribers, the outbox and instance settings, on any `SQLDatabase`.
public struct SQLMailStore: Sendable {
    let database: any SQLDatabase

    public init(database: any SQLDatabase) {
        self.database = database
    }

    // MARK: settings

    /// Runs `body` as the only outbox sender among the processes on this database; nil when another one is sending.
    public func withSenderLock<T: Sendable>(_ body: @Sendable () async throws -> T) async throws -> T? {
        try await database.withExclusiveLock("outbox-sender", body)
    }

    /// The job leases on the same database.
    public var leases: JobLeases { JobLeases(database: database) }

    /// The value of an instance setting, creating it with `makeDefault()` the first time (the first writer wins).
    public func setting(_ key: String, makeDefault: () -> String) async throws -> String {
        if let value = try await database.query("SELECT value FROM settings WHERE key = \(key)").first?.optionalString("value") { return value }
        let candidate = makeDefault()
        try await database.execute("INSERT INTO settings (key, value) VALUES (\(key), \(candidate)) ON CONFLICT (key) DO NOTHING")
        return try await database.query("SELECT value FROM settings WHERE key = \(key)").first?.string("value") ?? candidate
    }

    /// Sets an instance setting.
    public func setSetting(_ key: String, _ value: String) async throws {
        try await database.execute(
            "INSERT INTO settings (key, value) VALUES (\(key), \(value)) ON CONFLICT (key) DO UPDATE SET value = excluded.value")
    }

    // MARK: subscribers

    public func subscriber(email: String) async throws -> Subscriber? {
        try await database.query("SELECT * FROM subscribers WHERE email = \(email)").first.map(Self.subscriber)
    }

    public func subscriber(id: Int64) async throws -> Subscriber? {
        try await database.query("SELECT * FROM subscribers WHERE id = \(id)").first.map(Self.subscriber)
    }

    /// Creates a pending subscription, or updates the preferences of one that is not confirmed; never duplicates an address.
    public func upsertPending(email: String, frequency: Subscriber.Frequency, topics: [String], at now: Timestamp) async throws -> Subscriber {
        let time = now.millisecondsSinceEpoch
        let rows = try await database.write(
            """
            INSERT INTO subscribers (email, frequency, topics, status, created_at, updated_at)
            VALUES (\(email), \(frequency.rawValue), \(StringList.encode(topics)), 'pending', \(time), \(time))
            ON CONFLICT (email) DO UPDATE SET frequency = excluded.frequency, topics = excluded.topics,
                status = 'pending', updated_at = excluded.updated_at
            WHERE subscribers.status <> 'confirmed'
            RETURNING *
            """
        )
        if let row = rows.first { return try Self.subscriber(row) }
        guard let existing = try await subscriber(email: email) else { throw SQLError.decoding(column: "email", expected: "a subscriber") }
        return existing
    }

    /// Adds confirmed subscribers in one transaction (migrating a list); existing addresses are left as they are.
    public func importConfirmed(
        _ entries: [(email: String, frequency: Subscriber.Frequency, topics: [String])], at now: Timestamp
    ) async throws -> Int {
        let time = now.millisecondsSinceEpoch
        return try await database.transaction { connection in
            var added = 0
            for entry in entries {
                added += try await connection.execute(
                    """
                    INSERT INTO subscribers (email, frequency, topics, status, created_at, confirmed_at, updated_at)
                    VALUES (\(entry.email), \(entry.frequency.rawValue), \(StringList.encode(entry.topics)), 'confirmed', \(time), \(time), \(time))
                    ON CONFLICT (email) DO NOTHING
                    """
                )
            }
            return added
        }
    }

    /// Marks a subscription confirmed; returns it, or nil when the id does not exist or the address has unsubscribed since.
    public func confirm(id: Int64, email: String, at now: Timestamp) async throws -> Subscriber? {
        let rows = try await database.write(
            """
            UPDATE subscribers SET status = 'confirmed', confirmed_at = COALESCE(confirmed_at, \(now.millisecondsSinceEpoch)),
                updated_at = \(now.millisecondsSinceEpoch)
            WHERE id = \(id) AND email = \(email) AND status IN ('pending', 'confirmed')
            RETURNING *
            """
        )
        return try rows.first.map(Self.subscriber)
    }

    /// Changes frequency and topics of a subscription.
    public func updatePreferences(id: Int64, frequency: Subscriber.Frequency, topics: [String], at now: Timestamp) async throws -> Subscriber? {
        let rows = try await database.write(
            """
            UPDATE subscribers SET frequency = \(frequency.rawValue), topics = \(StringList.encode(topics)), updated_at = \(now.millisecondsSinceEpoch)
            WHERE id = \(id) RETURNING *
            """
        )
        return try rows.first.map(Self.subscriber)
    }

    /// Stops every mail to a subscriber; unsent messages to them are dropped.
    public func unsubscribe(id: Int64, at now: Timestamp) async throws -> Bool {
        try await database.transaction { connection in
            let changed = try await connection.execute(
                "UPDATE subscribers SET status = 'unsubscribed', updated_at = \(now.millisecondsSinceEpoch) WHERE id = \(id) AND status <> 'unsubscribed'"
            )
            try await connection.execute("UPDATE outbox SET status = 'cancelled' WHERE subscriber_id = \(id) AND status = 'pending'")
            return changed > 0
        }
    }

    /// Confirmed subscribers of a frequency, in id order, a page at a time.
    public func confirmedSubscribers(frequency: Subscriber.Frequency, after id: Int64, limit: Int) async throws -> [Subscriber] {
        let rows = try await database.query(
            "SELECT * FROM subscribers WHERE status = 'confirmed' AND frequency = \(frequency.rawValue) AND id > \(id) ORDER BY id LIMIT \(limit)"
        )
        return try rows.map(Self.subscriber)
    }

    // MARK: outbox

    /// Queues messages; a key already queued (sent or not) is skipped. Returns how many were added.
    @discardableResult
    public func enqueue(_ messages: [OutboxMessage], at now: Timestamp) async throws -> Int {
        guard !messages.isEmpty else { return 0 }
        let time = now.millisecondsSinceEpoch
        return try await database.transaction { connection in
            var added = 0
            for message in messages {
                added += try await connection.execute(
                    """
                    INSERT INTO outbox (message_key, subscriber_id, recipient, kind, edition, message, status, next_attempt_at, created_at)
                    VALUES (\(message.key), \(message.subscriberId), \(message.recipient), \(message.kind), \(message.edition), \(message.message),
                            'pending', \(time), \(time))
                    ON CONFLICT (message_key) DO NOTHING
                    """
                )
            }
            return added
        }
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
            "UPDATE outbox SET status = 'sent', sent_at = \(now.millisecondsSinceEpoch), attempts = attempts + 1 WHERE id = \(id)")
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
            try await connection.execute("UPDATE outbox SET status = 'failed', attempts = attempts + 1, last_error = \(error) WHERE id = \(id)")
            guard let subscriberId else { return }
            try await connection.execute(
                """
                UPDATE subscribers SET hard_bounces = hard_bounces + 1,
                    status = CASE WHEN hard_bounces + 1 >= \(bounceLimit) THEN 'bounced' ELSE status END, updated_at = \(now.millisecondsSinceEpoch)
                WHERE id = \(subscriberId)
                """
            )
            try await connection.execute(
                "UPDATE outbox SET status = 'cancelled' WHERE subscriber_id = \(subscriberId) AND status = 'pending' AND (SELECT status FROM subscribers WHERE id = \(subscriberId)) = 'bounced'"
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

    static func subscriber(_ row: SQLRow) throws -> Subscriber {
        Subscriber(
            id: row.optionalInt64("id") ?? 0,
            email: try row.string("email"),
            frequency: Subscriber.Frequency(rawValue: try row.string("frequency")) ?? .daily,
            topics: StringList.decode(row.optionalString("topics")),
            status: Subscriber.Status(rawValue: try row.string("status")) ?? .pending,
            hardBounces: try row.int("hard_bounces")
        )
    }
}
