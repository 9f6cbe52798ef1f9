import PapersCore

/// Request slots shared by every instance on the database: before each request to a rate-limited source, an instance
/// books the next free slot, so all of them together keep to the source's interval (arXiv asks for one request every
/// 3 seconds across all of your machines). One atomic statement books a slot; no lock is held while waiting for it.
public struct RequestSlots: Sendable {
    let database: any SQLDatabase

    public init(database: any SQLDatabase) {
        self.database = database
    }

    /// Books the next slot of `name`, at least `interval` after every slot booked before; returns when it starts.
    public func book(_ name: String, interval: Duration, at now: Timestamp) async throws -> Timestamp {
        let step = interval.components.seconds * 1000 + interval.components.attoseconds / 1_000_000_000_000_000
        let clock = now.millisecondsSinceEpoch
        let rows = try await database.write(
            """
            INSERT INTO request_slots (name, next_at) VALUES (\(name), \(clock + step))
            ON CONFLICT (name) DO UPDATE SET next_at =
                (CASE WHEN request_slots.next_at > \(clock) THEN request_slots.next_at ELSE \(clock) END) + \(step)
            RETURNING next_at
            """
        )
        let next = rows.first?.optionalInt64("next_at") ?? clock + step
        return Timestamp(millisecondsSinceEpoch: next - step)
    }
}
