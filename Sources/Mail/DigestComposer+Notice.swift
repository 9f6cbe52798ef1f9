import PapersCore
import Storage

extension DigestComposer {
    /// A one-off plain-text mail from the site (confirmations, account links) ready for the outbox.
    /// - Parameter key: unique per logical message, so queueing it twice sends it once.
    public func notice(
        to recipient: String, kind: String, key: String, subscriberId: Int64? = nil, subject: String, text: String, now: Timestamp
    ) throws -> OutboxMessage {
        let domain = sender.address.value.split(separator: "@").last ?? "dailypapers"
        let message = MailMessage(
            from: sender,
            to: MailMessage.Mailbox(address: try EmailAddress(recipient)),
            subject: subject,
            text: text,
            messageID: "<\(key.split(separator: ":").joined(separator: "."))@\(domain)>",
            date: InternetDate.mail(now)
        )
        return OutboxMessage(key: key, subscriberId: subscriberId, recipient: recipient, kind: kind, edition: nil, message: message.rendered)
    }
}
