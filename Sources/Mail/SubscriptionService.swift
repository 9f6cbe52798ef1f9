import PapersCore
import Storage

/// Digest subscriptions from the web pages: double opt-in, confirmation, preferences and unsubscribing. Every mail it
/// sends goes through the outbox, in the same step as the change that calls for it.
public struct SubscriptionService: Sendable {
    let store: SQLMailStore
    let mail: SubscriptionMail
    let limits: MailLimits
    /// Asks the mail service to send the outbox now.
    let sendNow: @Sendable () -> Void

    public init(store: SQLMailStore, composer: DigestComposer, limits: MailLimits, sendNow: @escaping @Sendable () -> Void) {
        self.store = store
        mail = SubscriptionMail(composer: composer)
        self.limits = limits
        self.sendNow = sendNow
    }

    /// Records a pending subscription and mails its confirmation link, or, for an address already subscribed, a link
    /// to its settings: the caller answers the same either way, so the form reveals nothing about who subscribes. Past
    /// the mail limits for the address (or the site), nothing is sent, and the caller still answers the same.
    public func subscribe(_ address: EmailAddress, frequency: Subscriber.Frequency, topics: [String], at now: Timestamp) async throws {
        let subscriber = try await store.upsertPending(email: address.value, frequency: frequency, topics: topics, at: now)
        let message =
            subscriber.status == .confirmed
            ? try mail.alreadySubscribed(subscriber, now: now)
            : try mail.confirmation(for: subscriber, now: now)
        guard try await store.enqueue(message, within: limits, at: now) == nil else { return }
        sendNow()
    }

    /// Confirms the subscription a confirmation link names; nil when it is gone or was cancelled.
    public func confirm(_ claims: LinkSigner.Claims, at now: Timestamp) async throws -> Subscriber? {
        try await store.confirm(id: claims.subscriberId, email: claims.email, at: now)
    }

    /// The subscriber a signed link names, if it still exists with that address.
    public func subscriber(_ claims: LinkSigner.Claims) async throws -> Subscriber? {
        guard let subscriber = try await store.subscriber(id: claims.subscriberId), subscriber.email == claims.email else { return nil }
        return subscriber
    }

    public func updatePreferences(
        of subscriber: Subscriber, frequency: Subscriber.Frequency, topics: [String], at now: Timestamp
    ) async throws -> Subscriber {
        try await store.updatePreferences(id: subscriber.id, frequency: frequency, topics: topics, at: now) ?? subscriber
    }

    /// Stops the personal digest of the member a `.stopPersonal` link names.
    public func stopPersonalDigest(_ claims: LinkSigner.Claims, at now: Timestamp) async throws {
        try await store.personalDigests.setPersonalDigest(nil, userId: claims.subscriberId, at: now)
    }

    public func unsubscribe(_ subscriber: Subscriber, at now: Timestamp) async throws {
        _ = try await store.unsubscribe(id: subscriber.id, at: now)
    }
}
