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

        public init() {}
    }

    let papers: any PaperStore
    let mail: SQLMailStore
    let composer: DigestComposer
    /// Topics by meaning; nil matches topics by their words only.
    let meaning: TopicMeaning?

    public init(papers: any PaperStore, mail: SQLMailStore, composer: DigestComposer, meaning: TopicMeaning? = nil) {
        self.papers = papers
        self.mail = mail
        self.composer = composer
        self.meaning = meaning
    }

    /// The editions due on `date` that have papers: nothing on weekends (daily) or days without new papers.
    public func editions(dueOn date: Day) async throws -> [DigestEdition] {
        var editions: [DigestEdition] = []
        for kind in DigestEdition.kinds(dueOn: date) {
            let edition = try await self.edition(kind)
            if !edition.papers.isEmpty { editions.append(edition) }
        }
        return editions
    }

    /// An edition's papers, ranked by the trending formula at the end of its period.
    public func edition(_ kind: DigestEdition.Kind) async throws -> DigestEdition {
        let probe = DigestEdition(kind: kind, rankedPapers: [])
        let featured = try await papers.featuredPapers(FeedQuery(days: probe.days, limit: 10_000))
        let endOfPeriod = Timestamp(day: probe.days.upperBound.adding(days: 1))
        return DigestEdition(kind: kind, rankedPapers: Trending.rank(featured, at: endOfPeriod))
    }

    /// Writes the edition's messages to the outbox (or, with `dryRun`, only counts them).
    public func compose(_ edition: DigestEdition, now: Timestamp, dryRun: Bool = false, batchSize: Int = 1_000,
                        progress: @Sendable (Summary) -> Void = { _ in }) async throws -> Summary {
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
            var messages: [OutboxMessage] = []
            for subscriber in subscribers {
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

/// The mails of the subscription flow: the double opt-in confirmation and the "you are already subscribed" note.
public struct SubscriptionMail: Sendable {
    let composer: DigestComposer

    public init(composer: DigestComposer) {
        self.composer = composer
    }

    /// The confirmation mail with its signed link, valid for `LinkSigner.confirmationLifetimeDays`.
    public func confirmation(for subscriber: Subscriber, now: Timestamp) throws -> OutboxMessage {
        let expires = Timestamp(millisecondsSinceEpoch: now.millisecondsSinceEpoch + Int64(LinkSigner.confirmationLifetimeDays) * 86_400_000)
        let token = composer.signer.token(.confirm, subscriberId: subscriber.id, email: subscriber.email, expires: expires)
        let link = "\(composer.siteURL)/subscribe/confirm?token=\(token)"
        let topics = subscriber.topics.isEmpty ? "all papers" : "papers about " + subscriber.topics.joined(separator: ", ")
        let text = """
            Please confirm that you want the \(subscriber.frequency.rawValue) DailyPapers digest (\(topics)) at this address:

            \(link)

            The link is valid for \(LinkSigner.confirmationLifetimeDays) days. If you did not ask for this, ignore this mail: nothing will be sent.
            """
        return try outbox(subscriber, kind: "confirmation", subject: "Confirm your DailyPapers subscription", text: text, now: now)
    }

    /// Sent instead of a confirmation when the address is already subscribed: a link to its settings, nothing changed.
    public func alreadySubscribed(_ subscriber: Subscriber, now: Timestamp) throws -> OutboxMessage {
        let token = composer.signer.token(.manage, subscriberId: subscriber.id, email: subscriber.email)
        let text = """
            This address already gets the \(subscriber.frequency.rawValue) DailyPapers digest. To change its frequency or topics, use:

            \(composer.siteURL)/subscription?token=\(token)

            If you did not ask for this, ignore this mail: nothing has changed.
            """
        return try outbox(subscriber, kind: "notice", subject: "Your DailyPapers subscription", text: text, now: now)
    }

    private func outbox(_ subscriber: Subscriber, kind: String, subject: String, text: String, now: Timestamp) throws -> OutboxMessage {
        try composer.notice(
            to: subscriber.email, kind: kind, key: "\(kind):\(subscriber.id):\(now.millisecondsSinceEpoch)",
            subscriberId: subscriber.id, subject: subject, text: text, now: now
        )
    }
}

extension DigestComposer {
    /// A one-off plain-text mail from the site (confirmations, account links) ready for the outbox.
    /// - Parameter key: unique per logical message, so queueing it twice sends it once.
    public func notice(to recipient: String, kind: String, key: String, subscriberId: Int64? = nil, subject: String, text: String, now: Timestamp) throws -> OutboxMessage {
        let domain = sender.address.value.split(separator: "@").last ?? "dailypapers"
        let message = MailMessage(
            from: sender,
            to: MailMessage.Mailbox(address: try EmailAddress(recipient)),
            subject: subject,
            text: text,
            messageID: "<\(key.split(separator: ":").joined(separator: "."))@\(domain)>",
            date: MailDate.format(now)
        )
        return OutboxMessage(key: key, subscriberId: subscriberId, recipient: recipient, kind: kind, edition: nil, message: message.rendered)
    }
}
