/// Decides when the next request to a rate-limited source may go. `IntervalPacer` paces one process; the application
/// gives the harvesters a pacer that books slots in the database, so every instance together keeps to the limit.
public protocol RequestPacer: Sendable {
    /// Returns when the caller may send its request (and counts that request as sent).
    func waitForTurn() async throws
}

/// At most one request per `interval` from this process.
public actor IntervalPacer: RequestPacer {
    let interval: Duration
    private var nextAllowed: ContinuousClock.Instant?

    public init(interval: Duration) {
        self.interval = interval
    }

    public func waitForTurn() async throws {
        let now = ContinuousClock.now
        let start = max(now, nextAllowed ?? now)
        nextAllowed = start + interval
        if start > now { try await Task.sleep(until: start, clock: .continuous) }
    }
}
