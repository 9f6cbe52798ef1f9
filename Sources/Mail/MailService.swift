import AsyncAlgorithms
import Foundation
import Logging
import PapersCore
import ServiceLifecycle
import Storage

/// The long-running mail work inside `serve`: sends the outbox as messages arrive (confirmations, retries) and
/// composes the digest editions once a day at the configured time (UTC), then deletes the mail sent more than
/// `retentionDays` ago.
public struct MailService: Service {
    let publisher: DigestPublisher
    let sender: OutboxSender
    let store: SQLMailStore
    let digestMinuteOfDay: Int
    /// Days sent mail stays in the outbox.
    let retentionDays: Int
    let clock: @Sendable () -> Timestamp
    let logger: Logger
    let leases: JobLeases
    /// This process among the instances sharing the database, for job leases.
    let instance: String
    /// Composes the personal digests due on a day, after the general editions (nil: none on this site).
    let personalDigests: (@Sendable (Day, Timestamp) async throws -> Void)?
    let wakeups: AsyncStream<Void>
    let wakeup: AsyncStream<Void>.Continuation

    /// How often the outbox is checked when nothing wakes the service.
    static let pollInterval = Duration.seconds(10)

    public init(
        publisher: DigestPublisher, sender: OutboxSender, store: SQLMailStore, digestTime: String, retentionDays: Int,
        clock: @escaping @Sendable () -> Timestamp, logger: Logger, instance: String = InstanceName.current,
        personalDigests: (@Sendable (Day, Timestamp) async throws -> Void)? = nil
    ) throws {
        self.personalDigests = personalDigests
        self.retentionDays = retentionDays
        self.publisher = publisher
        self.sender = sender
        self.store = store
        self.leases = store.leases
        self.instance = instance
        self.digestMinuteOfDay = try Self.minuteOfDay(digestTime)
        self.clock = clock
        self.logger = logger
        (wakeups, wakeup) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
    }

    /// Asks the service to send the outbox now (after a confirmation mail was queued).
    public func wake() {
        wakeup.yield()
    }

    public func run() async throws {
        let ticks = merge(wakeups, AsyncTimerSequence(interval: Self.pollInterval, clock: .continuous).map { _ in () })
        for await _ in ticks.cancelOnGracefulShutdown() {
            do {
                try await composeDueEditions()
                let summary = try await sender.drain()
                if summary.sent + summary.failed + summary.deferred > 0 {
                    logger.info(
                        "outbox sent", metadata: ["sent": "\(summary.sent)", "deferred": "\(summary.deferred)", "failed": "\(summary.failed)"])
                }
            } catch {
                logger.error("mail run failed", metadata: ["error": "\(error)"])
            }
        }
    }

    /// Composes today's editions once the digest time has passed; the `digest_composed_on` setting makes it once a day.
    func composeDueEditions() async throws {
        let now = clock()
        let today = now.day
        let minute = Int((now.millisecondsSinceEpoch - Timestamp(day: today).millisecondsSinceEpoch) / 60_000)
        guard minute >= digestMinuteOfDay else { return }
        guard try await store.setting("digest_composed_on", makeDefault: { "" }) < today.description else { return }
        // Several instances may share the database: the one holding the lease composes, the others skip this run.
        let leaseEnd = Timestamp(millisecondsSinceEpoch: now.millisecondsSinceEpoch + Self.composeLeaseMilliseconds)
        guard try await leases.acquire(Self.composeJob, owner: instance, at: now, expiresAt: leaseEnd) else { return }
        // Read again under the lease: another instance may have finished today's editions meanwhile.
        if try await store.setting("digest_composed_on", makeDefault: { "" }) < today.description {
            for edition in try await publisher.editions(dueOn: today) {
                let summary = try await publisher.compose(edition, now: now)
                logger.info("digest composed", metadata: ["edition": "\(edition.key)", "queued": "\(summary.queued)"])
            }
            try await personalDigests?(today, now)
            try await store.setSetting("digest_composed_on", today.description)
            let cutoff = Timestamp(millisecondsSinceEpoch: now.millisecondsSinceEpoch - Int64(retentionDays) * 86_400_000)
            let purged = try await store.purgeOutbox(before: cutoff)
            if purged > 0 { logger.info("outbox purged", metadata: ["messages": "\(purged)", "older_than_days": "\(retentionDays)"]) }
        }
        try await leases.release(Self.composeJob, owner: instance)
    }

    /// The job lease that makes one instance compose the editions; held at most this long if its holder dies.
    static let composeJob = "digest-composer"
    static let composeLeaseMilliseconds: Int64 = 15 * 60_000

    /// Parses `HH:MM`.
    public static func minuteOfDay(_ text: String) throws -> Int {
        let parts = text.split(separator: ":")
        guard parts.count == 2, let hour = Int(parts[0]), let minute = Int(parts[1]), (0..<24).contains(hour), (0..<60).contains(minute) else {
            throw InvalidDigestTime(text: text)
        }
        return hour * 60 + minute
    }

    /// A `DIGEST_TIME` that is not `HH:MM`.
    public struct InvalidDigestTime: Error, CustomStringConvertible {
        let text: String
        public var description: String { "DIGEST_TIME '\(text)' is not a time of day as HH:MM (UTC)" }
    }
}

extension MailService: CustomStringConvertible {
    /// How ServiceLifecycle's logs name the service: its schedule, never its settings (they hold the SMTP password).
    public var description: String {
        "MailService(digests at \(digestMinuteOfDay / 60):\(String(format: "%02d", digestMinuteOfDay % 60)) UTC, instance \(instance))"
    }
}
