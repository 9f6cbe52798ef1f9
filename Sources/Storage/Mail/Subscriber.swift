import PapersCore

/// Someone who asked for digests by e-mail.
public struct Subscriber: Sendable, Equatable {
    /// Where a subscription stands.
    public enum Status: String, Sendable {
        /// Waiting for the address owner to follow the confirmation link; nothing but that mail is sent.
        case pending
        case confirmed
        case unsubscribed
        /// Mail to the address failed permanently too often.
        case bounced
    }

    /// How often digests arrive.
    public enum Frequency: String, Sendable, CaseIterable {
        /// Every weekday with new papers.
        case daily
        /// Once a week, for the past ISO week.
        case weekly
    }

    public var id: Int64
    public var email: String
    public var frequency: Frequency
    /// Keywords; a digest holds only papers that match one of them. Empty means every paper.
    public var topics: [String]
    public var status: Status
    public var hardBounces: Int

    public init(id: Int64, email: String, frequency: Frequency, topics: [String], status: Status, hardBounces: Int = 0) {
        self.id = id
        self.email = email
        self.frequency = frequency
        self.topics = topics
        self.status = status
        self.hardBounces = hardBounces
    }
}

/// A message waiting in, or sent from, the outbox.
public struct OutboxMessage: Sendable, Equatable {
    public var id: Int64
    /// Unique per logical message, e.g. `daily:2025-11-03:42`: composing twice never queues twice.
    public var key: String
    public var subscriberId: Int64?
    public var recipient: String
    public var kind: String
    public var edition: String?
    /// The rendered RFC 5322 message.
    public var message: String
    public var attempts: Int

    public init(id: Int64 = 0, key: String, subscriberId: Int64?, recipient: String, kind: String, edition: String?, message: String, attempts: Int = 0) {
        self.id = id
        self.key = key
        self.subscriberId = subscriberId
        self.recipient = recipient
        self.kind = kind
        self.edition = edition
        self.message = message
        self.attempts = attempts
    }
}
