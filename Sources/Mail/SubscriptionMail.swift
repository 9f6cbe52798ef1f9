import PapersCore
import Storage

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
        let link = composer.site.url(.confirmSubscriptionForm, query: ["token": token])
        let topics = subscriber.topics.isEmpty ? "all papers" : "papers about " + subscriber.topics.joined(separator: ", ")
        return try outbox(subscriber, kind: "confirmation", subject: "Confirm your DailyPapers subscription", link: link, now: now) {
            """
            Please confirm that you want the \(subscriber.frequency.rawValue) DailyPapers digest (\(topics)) at this address:

            \($0)

            The link is valid for \(LinkSigner.confirmationLifetimeDays) days. If you did not ask for this, ignore this mail: nothing will be sent.
            """
        }
    }

    /// Sent instead of a confirmation when the address is already subscribed: a link to its settings, nothing changed.
    public func alreadySubscribed(_ subscriber: Subscriber, now: Timestamp) throws -> OutboxMessage {
        let token = composer.signer.token(.manage, subscriberId: subscriber.id, email: subscriber.email)
        let link = composer.site.url(.subscriptionSettings, query: ["token": token])
        return try outbox(subscriber, kind: "notice", subject: "Your DailyPapers subscription", link: link, now: now) {
            """
            This address already gets the \(subscriber.frequency.rawValue) DailyPapers digest. To change its frequency or topics, use:

            \($0)

            If you did not ask for this, ignore this mail: nothing has changed.
            """
        }
    }

    private func outbox(
        _ subscriber: Subscriber, kind: String, subject: String, link: String, now: Timestamp, text: (String) -> String
    ) throws -> OutboxMessage {
        try composer.notice(
            to: subscriber.email, kind: kind, key: "\(kind):\(subscriber.id):\(now.millisecondsSinceEpoch)",
            subscriberId: subscriber.id, subject: subject, link: link, now: now, text: text
        )
    }
}
