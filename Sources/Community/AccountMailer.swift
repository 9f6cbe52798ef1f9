import Mail
import PapersCore
import Storage

/// Where account mails go: the outbox, within the mail limits, and a nudge to send it now.
public struct AccountMailer: Sendable {
    public let outbox: SQLMailStore
    public let mail: AccountMail
    public let limits: MailLimits
    public let sendNow: @Sendable () -> Void

    public init(outbox: SQLMailStore, mail: AccountMail, limits: MailLimits, sendNow: @escaping @Sendable () -> Void) {
        self.outbox = outbox
        self.mail = mail
        self.limits = limits
        self.sendNow = sendNow
    }
}
