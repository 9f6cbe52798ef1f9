import PapersCore

/// Subscribers, the outbox and instance settings, on any `SQLDatabase`.
public struct SQLMailStore: Sendable {
    let database: any SQLDatabase

    /// The members' personal digests, on the same database.
    public var personalDigests: SQLPersonalDigestStore { SQLPersonalDigestStore(database: database) }

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
            try await connection.execute(
                "UPDATE outbox SET status = 'cancelled', \(unsafeRaw: Self.archiving) WHERE subscriber_id = \(id) AND status = 'pending'")
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
