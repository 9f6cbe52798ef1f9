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
