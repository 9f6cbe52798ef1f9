import Logging
import PapersCore
import Storage

/// Drains the outbox over SMTP: one connection reused for many messages, retries with backoff on temporary
/// failures, permanent failures recorded and counted against the address.
///
/// Crash safety: a message is marked sent right after the server accepts it, in its own transaction. A crash
/// between the server's `250` and that commit is the only window in which a message can be sent twice, so each
/// crash repeats at most the one message in flight.
public struct OutboxSender: Sendable {
    /// What one drain did.
    public struct Summary: Sendable, Equatable {
        public var sent = 0
        public var deferred = 0
        public var failed = 0
        /// Another process was sending the outbox, so this drain sent nothing.
        public var otherSenderActive = false

        public init() {}
    }

    /// The SMTP server could not be reached, or refused the session (TLS, authentication); every message stays queued.
    public struct ServerUnavailable: Error, CustomStringConvertible {
        public let reason: String
        public var description: String { "cannot send mail: \(reason); the messages stay queued" }
    }

    /// Permanent failures after which an address gets no more mail.
    public static let bounceLimit = 3
    /// Temporary failures after which a message is given up.
    public static let maxAttempts = 8

    let store: SQLMailStore
    let settings: SMTPSettings
    let envelopeSender: EmailAddress
    let clock: @Sendable () -> Timestamp
    let logger: Logger

    public init(
        store: SQLMailStore, settings: SMTPSettings, envelopeSender: EmailAddress, clock: @escaping @Sendable () -> Timestamp,
        logger: Logger
    ) {
        self.store = store
        self.settings = settings
        self.envelopeSender = envelopeSender
        self.clock = clock
        self.logger = logger
    }

    /// Sends due messages until none is left or `limit` have been tried.
    ///
    /// One sender at a time across every process on the database (server instances, `digest send`): the others
    /// return at once with `otherSenderActive`. The lock goes with its process, so a killed sender is taken over
    /// by the next run, which finds its unsent messages still due.
    public func drain(limit: Int? = nil, progress: @escaping @Sendable (Summary) -> Void = { _ in }) async throws -> Summary {
        let sent = try await store.withSenderLock {
            var connection: SMTPConnection?
            do {
                let summary = try await drain(limit: limit ?? Int.max, connection: &connection, progress: progress)
                await connection?.close()
                return summary
            } catch {
                await connection?.close()
                throw error
            }
        }
        if let sent { return sent }
        var busy = Summary()
        busy.otherSenderActive = true
        return busy
    }

    private func drain(limit: Int, connection: inout SMTPConnection?, progress: @Sendable (Summary) -> Void) async throws -> Summary {
        var summary = Summary()
        var remaining = limit
        while remaining > 0 {
            let batch = try await store.dueMessages(at: clock(), limit: min(remaining, 200))
            guard !batch.isEmpty else { break }
            for message in batch {
                remaining -= 1
                if connection == nil {
                    // A server that cannot be reached or refuses us is not the message's fault: nothing is recorded
                    // against it or its recipient, and the drain stops until the next run.
                    do { connection = try await SMTPConnection.open(settings) } catch { throw ServerUnavailable(reason: "\(error)") }
                }
                do {
                    try await connection?.send(raw: message.message, from: envelopeSender.value, to: message.recipient)
                    try await store.markSent(id: message.id, at: clock())
                    summary.sent += 1
                } catch let error as SMTPError where !error.isTransient {
                    try await store.markFailed(
                        id: message.id, subscriberId: message.subscriberId, error: error.description, bounceLimit: Self.bounceLimit, at: clock())
                    summary.failed += 1
                    logger.warning("mail refused permanently", metadata: ["to": "\(message.recipient)", "error": "\(error)"])
                } catch {
                    try await postpone(message, error: error)
                    summary.deferred += 1
                    await connection?.close()
                    connection = nil
                }
                progress(summary)
            }
        }
        return summary
    }

    private func postpone(_ message: OutboxMessage, error: any Error) async throws {
        let now = clock()
        if message.attempts + 1 >= Self.maxAttempts {
            try await store.markFailed(
                id: message.id, subscriberId: nil, error: "gave up after \(Self.maxAttempts) attempts: \(error)", bounceLimit: Self.bounceLimit,
                at: now)
            return
        }
        try await store.markDeferred(id: message.id, error: "\(error)", retryAt: Self.retryTime(after: now, attempts: message.attempts))
        logger.info("mail deferred", metadata: ["to": "\(message.recipient)", "error": "\(error)"])
    }

    /// 1 minute, then 4, 16, 64 … capped at a day.
    static func retryTime(after now: Timestamp, attempts: Int) -> Timestamp {
        var delay: Int64 = 60_000
        for _ in 0..<min(attempts, 10) { delay *= 4 }
        return Timestamp(millisecondsSinceEpoch: now.millisecondsSinceEpoch + min(delay, 86_400_000))
    }
}
