import Hummingbird
import Mail
import PapersCore
import Storage

/// Subscribe (double opt-in), confirm, change settings and unsubscribe (one click, RFC 8058).
struct SubscriptionController: Sendable {
    let mail: MailFeatures
    let clock: @Sendable () -> Timestamp

    private var signer: LinkSigner { mail.setup.composer.signer }

    func confirmForm(_ request: Request, _ context: AppRequestContext) throws -> Response {
        let token = try validToken(request.queryItems["token"], .confirm)
        let (csrf, cookie) = CSRF.token(for: request, secure: mail.siteIsHTTPS)
        return Pages.html(SubscriptionViews.confirm(token: token, csrf: csrf, viewer: context.viewer), setCookie: cookie)
    }

    func unsubscribeForm(_ request: Request, _ context: AppRequestContext) throws -> Response {
        let token = request.queryItems["token"] ?? ""
        _ = try unsubscribeClaims(token)
        return Pages.html(SubscriptionViews.unsubscribe(token: token, viewer: context.viewer))
    }

    func showSubscribe(_ request: Request, _ context: AppRequestContext) throws -> Response {
        let query = request.queryItems
        let (token, cookie) = CSRF.token(for: request, secure: mail.siteIsHTTPS)
        let frequency = query["frequency"].flatMap(Subscriber.Frequency.init) ?? .daily
        let page = SubscriptionViews.subscribe(
            email: query["email"] ?? "", frequency: frequency, topics: query["topics"] ?? "", csrf: token, mailEnabled: mail.setup.isEnabled,
            viewer: context.viewer)
        return Pages.html(page, setCookie: cookie)
    }

    func subscribe(_ request: Request, context: AppRequestContext) async throws -> Response {
        try mail.limiter.check("subscribe:" + context.clientKey, nowSeconds: clock().millisecondsSinceEpoch / 1000)
        let fields = try await Forms.fields(request)
        try CSRF.verify(request, fields: fields)
        guard mail.setup.isEnabled else {
            throw PageError(status: .serviceUnavailable, message: "Mail is off on this server, so it cannot take subscriptions.")
        }
        let retry = { (message: String) -> Response in
            let frequency = fields["frequency"].flatMap(Subscriber.Frequency.init) ?? .daily
            let page = SubscriptionViews.subscribe(
                email: fields["email"] ?? "", frequency: frequency, topics: fields["topics"] ?? "",
                csrf: fields[CSRF.fieldName] ?? "", mailEnabled: true, error: message, viewer: context.viewer)
            return Pages.html(page, status: .badRequest)
        }
        let address: EmailAddress
        do { address = try EmailAddress(fields["email"] ?? "") } catch { return retry("That e-mail address cannot be used: \(error).") }
        guard let frequency = Subscriber.Frequency(rawValue: fields["frequency"] ?? "daily") else { return retry("Choose daily or weekly.") }
        let topics: [String]
        do { topics = try Topics.parse(fields["topics"] ?? "") } catch { return retry("Topics: \(error).") }
        try await mail.subscriptions.subscribe(address, frequency: frequency, topics: topics, at: clock())
        // The same answer whether or not the address was known, so the form reveals nothing about who subscribes.
        return Pages.html(
            MessagePage.render(
                "Check your inbox", "We sent a mail to \(address.value). Follow its link to confirm; nothing else is sent before that.",
                viewer: context.viewer))
    }

    func confirm(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let fields = try await Forms.fields(request)
        try CSRF.verify(request, fields: fields)
        let claims = try verify(fields["token"], .confirm)
        guard let subscriber = try await mail.subscriptions.confirm(claims, at: clock()) else {
            throw PageError.badRequest("This subscription no longer exists or was cancelled. Subscribe again to get a new link.")
        }
        let manage = signer.token(.manage, subscriberId: subscriber.id, email: subscriber.email)
        return Pages.html(
            MessagePage.render(
                "You are subscribed", "The \(subscriber.frequency.rawValue) digest will arrive at \(subscriber.email).",
                link: ("Change frequency or topics", Route.subscriptionSettings.path + "?token=\(manage)"), viewer: context.viewer))
    }

    func showSettings(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let token = try validToken(request.queryItems["token"], .manage)
        let subscriber = try await existingSubscriber(try verify(token, .manage))
        let (csrf, cookie) = CSRF.token(for: request, secure: mail.siteIsHTTPS)
        return Pages.html(SubscriptionViews.settings(subscriber, token: token, csrf: csrf, viewer: context.viewer), setCookie: cookie)
    }

    func saveSettings(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let fields = try await Forms.fields(request)
        try CSRF.verify(request, fields: fields)
        let token = fields["token"] ?? ""
        let subscriber = try await existingSubscriber(try verify(token, .manage))
        let csrf = fields[CSRF.fieldName] ?? ""
        guard let frequency = Subscriber.Frequency(rawValue: fields["frequency"] ?? "") else {
            return Pages.html(
                SubscriptionViews.settings(subscriber, token: token, csrf: csrf, error: "Choose daily or weekly.", viewer: context.viewer),
                status: .badRequest)
        }
        let topics: [String]
        do { topics = try Topics.parse(fields["topics"] ?? "") } catch {
            return Pages.html(
                SubscriptionViews.settings(subscriber, token: token, csrf: csrf, error: "Topics: \(error).", viewer: context.viewer),
                status: .badRequest)
        }
        let updated = try await mail.subscriptions.updatePreferences(of: subscriber, frequency: frequency, topics: topics, at: clock())
        return Pages.html(SubscriptionViews.settings(updated, token: token, csrf: csrf, saved: true, viewer: context.viewer))
    }

    func unsubscribe(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let (claims, personal) = try unsubscribeClaims(request.queryItems["token"] ?? "")
        if personal {
            try await mail.subscriptions.stopPersonalDigest(claims, at: clock())
            return Pages.html(
                MessagePage.render("Your personal digest is off", "No more For you digests will be sent to \(claims.email).", viewer: context.viewer))
        }
        let subscriber = try await existingSubscriber(claims)
        try await mail.subscriptions.unsubscribe(subscriber, at: clock())
        return Pages.html(MessagePage.render("You are unsubscribed", "No more digests will be sent to \(subscriber.email).", viewer: context.viewer))
    }

    private func existingSubscriber(_ claims: LinkSigner.Claims) async throws -> Subscriber {
        guard let subscriber = try await mail.subscriptions.subscriber(claims) else {
            throw PageError.notFound("This subscription does not exist any more.")
        }
        return subscriber
    }

    /// An unsubscribe link's claims: a subscriber's digest, or (`personal`) a member's personal digest.
    private func unsubscribeClaims(_ token: String) throws -> (claims: LinkSigner.Claims, personal: Bool) {
        if let claims = try? signer.verify(token, purpose: .stopPersonal, now: clock()) { return (claims, true) }
        return (try verify(token, .unsubscribe), false)
    }

    private func validToken(_ token: String?, _ purpose: LinkSigner.Purpose) throws -> String {
        _ = try verify(token, purpose)
        return token ?? ""
    }

    private func verify(_ token: String?, _ purpose: LinkSigner.Purpose) throws -> LinkSigner.Claims {
        guard let token, !token.isEmpty else { throw PageError.badRequest("This link is incomplete: it has no token.") }
        do {
            return try signer.verify(token, purpose: purpose, now: clock())
        } catch {
            throw PageError.badRequest(error.description)
        }
    }
}
