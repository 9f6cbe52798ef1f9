/// How many mails the site sends on demand (confirmations, account links, notices — not digests) in one hour: to one
/// address, about one member, and in all. A form can then make the site mail a stranger a few times, not forty.
public struct MailLimits: Sendable, Equatable {
    public var perAddress: Int
    public var perMember: Int
    public var total: Int

    public init(perAddress: Int, perMember: Int, total: Int) {
        self.perAddress = perAddress
        self.perMember = perMember
        self.total = total
    }

    /// The window the limits count over.
    public static let windowMilliseconds: Int64 = 3_600_000

    /// Which limit a mail is past.
    public enum Exceeded: Sendable, Equatable {
        case address, member, total

        /// Says it to the member who asked for the mail.
        public var message: String {
            switch self {
                case .address: "This address got as many mails from DailyPapers as it may in an hour: try again later."
                case .member: "Your account asked for as many mails as it may in an hour: try again later."
                case .total: "DailyPapers sent as many mails as it may in an hour: try again later."
            }
        }
    }
}
