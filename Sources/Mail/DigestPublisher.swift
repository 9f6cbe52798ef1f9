import PapersCore
import Storage

/// Composes digest editions into the outbox: one message per (subscriber, edition), idempotent, in batches.
public struct DigestPublisher: Sendable {
    /// What composing an edition did.
    public struct Summary: Sendable, Equatable {
        public var subscribers = 0
        public var queued = 0
        public var alreadyQueued = 0
        public var noMatchingPapers = 0
        /// Subscribers who are members with a personal digest: it replaces the general one.
        public var personalInstead = 0

        public init() {}
    }

    let papers: SQLPaperStore
    let mail: SQLMailStore
    let composer: DigestComposer
    /// Topics by meaning; nil matches topics by their words only.
    let meaning: TopicMeaning?
    /// The daily edition follows arXiv's calendar.
    let calendar: ArxivCalendar

    public init(
        papers: SQLPaperStore, mail: SQLMailStore, composer: DigestComposer, meaning: TopicMeaning? = nil, calendar: ArxivCalendar = ArxivCalendar()
    ) {
        self.calendar = calendar
        self.papers = papers
        self.mail = mail
        self.composer = composer
        self.meaning = meaning
    }

    /// The editions due on `date` that have papers: nothing on weekends (daily) or days without new papers.
    public func editions(dueOn date: Day) async throws -> [DigestEdition] {
        var editions: [DigestEdition] = []
        for kind in DigestEdition.kinds(dueOn: date, calendar: calendar) {
            let edition = try await self.edition(kind)
            if !edition.papers.isEmpty { editions.append(edition) }
        }
        return editions
    }

    /// An edition's papers, ranked by the trending formula at the end of its period.
    public func edition(_ kind: DigestEdition.Kind) async throws -> DigestEdition {
        let probe = DigestEdition(kind: kind, rankedPapers: [])
        let endOfPeriod = Timestamp(day: probe.days.upperBound.adding(days: 1))
        return DigestEdition(kind: kind, rankedPapers: try await papers.trending(days: probe.days, at: endOfPeriod))
    }

    /// Writes the edition's messages to the outbox (or, with `dryRun`, only counts them).
    public func compose(
        _ edition: DigestEdition, now: Timestamp, dryRun: Bool = false, batchSize: Int = 1_000,
        progress: @Sendable (Summary) -> Void = { _ in }
    ) async throws -> Summary {
        var summary = Summary()
        let prepared = composer.prepare(edition, meaning: meaning)
        var lastId: Int64 = 0
        while true {
            let subscribers = try await mail.confirmedSubscribers(frequency: edition.kind.frequency, after: lastId, limit: batchSize)
            guard let last = subscribers.last else { break }
            lastId = last.id
            summary.subscribers += subscribers.count
            // After a crash the edition is partly queued: skip composing what is already there.
            let queued = dryRun ? [] : try await mail.queuedSubscribers(edition: edition.key, ids: subscribers.map(\.id))
            let personal = try await mail.personalDigests.personalDigestEmails(among: subscribers.map { $0.email.lowercased() })
            var messages: [OutboxMessage] = []
            for subscriber in subscribers {
                if personal.contains(subscriber.email.lowercased()) {
                    summary.personalInstead += 1
                    continue
                }
                if queued.contains(subscriber.id) {
                    summary.alreadyQueued += 1
                    continue
                }
                guard let message = try composer.message(for: subscriber, prepared: prepared, now: now) else {
                    summary.noMatchingPapers += 1
                    continue
                }
                messages.append(message)
            }
            let added = dryRun ? messages.count : try await mail.enqueue(messages, at: now)
            summary.queued += added
            summary.alreadyQueued += messages.count - added
            progress(summary)
        }
        return summary
    }
}
