import Mail
import Storage

/// Where account mails go: the outbox, and a nudge to send it now.
public struct AccountMailer: Sendable {
    public let outbox: SQLMailStore
    public let mail: AccountMail
    public let sendNow: @Sendable () -> Void

    public init(outbox: SQLMailStore, mail: AccountMail, sendNow: @escaping @Sendable () -> Void) {
        self.outbox = outbox
        self.mail = mail
        self.sendNow = sendNow
    }
}
