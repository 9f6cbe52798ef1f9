import PapersCore
import Storage

extension DigestComposer {
    /// What stands in the outbox's copy of a mail for its one-time link, once the mail has been sent.
    public static let removedLink = "[a one-time link, removed from the site's records once this mail was sent]"

    /// A one-off plain-text mail from the site (confirmations, account links) ready for the outbox.
    ///
    /// `text` is given the mail's `link` (nil: the mail holds none). With a link, the outbox also gets the copy to keep
    /// once the mail is sent, with `removedLink` in its place: a copy of the database then holds no usable link.
    /// - Parameter key: unique per logical message, so queueing it twice sends it once.
    public func notice(
        to recipient: String, kind: String, key: String, subscriberId: Int64? = nil, userId: Int64? = nil, subject: String, link: String? = nil,
        now: Timestamp, text: (String) -> String
    ) throws -> OutboxMessage {
        let domain = sender.address.value.split(separator: "@").last ?? "dailypapers"
        let mailbox = MailMessage.Mailbox(address: try EmailAddress(recipient))
        let messageID = "<\(key.split(separator: ":").joined(separator: "."))@\(domain)>"
        func render(_ body: String) -> String {
            MailMessage(from: sender, to: mailbox, subject: subject, text: body, messageID: messageID, date: InternetDate.mail(now)).rendered
        }
        return OutboxMessage(
            key: key, subscriberId: subscriberId, recipient: recipient, kind: kind, edition: nil, message: render(text(link ?? "")),
            archived: link.map { _ in render(text(Self.removedLink)) }, userId: userId
        )
    }
}
