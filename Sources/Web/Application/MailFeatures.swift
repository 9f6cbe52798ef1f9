import Hummingbird
import Mail
import PapersCore
import Storage

/// What the subscription pages need when mail is set up.
public struct MailFeatures: Sendable {
    public let setup: MailSetup
    public let store: SQLMailStore
    /// Asks the mail service to send the outbox now.
    public let sendNow: @Sendable () -> Void
    /// Limits subscription form posts per client.
    public let limiter: RateLimiter
    /// Subscribing, confirming, preferences and unsubscribing, for the subscription pages.
    public let subscriptions: SubscriptionService

    public init(
        setup: MailSetup, store: SQLMailStore, limits: MailLimits, sendNow: @escaping @Sendable () -> Void,
        limiter: RateLimiter = RateLimiter(limit: 10)
    ) {
        self.setup = setup
        self.store = store
        self.sendNow = sendNow
        self.limiter = limiter
        subscriptions = SubscriptionService(store: store, composer: setup.composer, limits: limits, sendNow: sendNow)
    }

    var siteIsHTTPS: Bool { setup.composer.site.isHTTPS }
}
