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
    /// What the outbox keeps once the message is sent: the same mail with its one-time link taken out, so that a copy
    /// of the database holds no usable link. Nil when the message holds none.
    public var archived: String?
    /// The member the mail is about, when there is one: mails are counted per member as well as per address.
    public var userId: Int64?

    public init(
        id: Int64 = 0, key: String, subscriberId: Int64?, recipient: String, kind: String, edition: String?, message: String, attempts: Int = 0,
        archived: String? = nil, userId: Int64? = nil
    ) {
        self.archived = archived
        self.userId = userId
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
