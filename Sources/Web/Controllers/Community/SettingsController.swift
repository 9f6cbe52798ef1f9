import Community
import Hummingbird
import PapersCore

/// The settings page: password, e-mail address, API tokens, verification mail, account deletion.
struct SettingsController: Sendable {
    let community: CommunityFeatures
    /// Forgets a deleted member's ranking kept in memory.
    let forYou: ForYouFeatures
    let clock: @Sendable () -> Timestamp

    private var accounts: AccountService { community.accounts }

    func change(_ action: SettingsAction, _ request: Request, _ context: AppRequestContext) async throws -> Response {
        switch action {
            case .password:
                return try await change(request, context) { session, fields in
                    let revoke = fields["revoke_tokens"] == "1"
                    try await accounts.changePassword(session, current: fields["current"] ?? "", new: fields["new"] ?? "", revokingTokens: revoke)
                    return "Password changed. Your other sessions were logged out\(revoke ? " and your API tokens revoked" : "")."
                }
            case .email:
                return try await change(request, context) { session, fields in
                    try await accounts.requestEmailChange(session.user, password: fields["password"] ?? "", newEmail: fields["email"] ?? "")
                    return accounts.requiresVerifiedEmail
                        ? "We sent a confirmation link to the new address; your account keeps the old one until you follow it." : "Address changed."
                }
            case .verify:
                return try await change(request, context) { session, _ in
                    try await accounts.sendVerification(to: session.user)
                    return "We sent the confirmation link to \(session.user.email) again."
                }
            case .createToken: return try await createToken(request, context)
            case .delete: return try await deleteAccount(request, context)
        }
    }

    private func createToken(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let (session, fields) = try await Guards.memberForm(request, context)
        do {
            let secret = try await accounts.createAPIToken(for: session.user, name: fields["name"] ?? "")
            return try await settings(session, newToken: secret)
        } catch let error as CommunityError {
            return try await settings(session, notice: .init(error: error.message), status: error.kind.status)
        }
    }

    func revoke(_ text: String, _ request: Request, _ context: AppRequestContext) async throws -> Response {
        let (session, _) = try await Guards.memberForm(request, context)
        guard let id = Int64(text),
            try await community.accounts.revokeAPIToken(id, of: session.user)
        else { throw PageError.notFound("You have no such token.") }
        return try await settings(session, notice: .init(success: "Token revoked."))
    }

    private func deleteAccount(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let (session, fields) = try await Guards.memberForm(request, context)
        do {
            try await accounts.deleteAccount(session.user, password: fields["password"] ?? "")
            forYou.forYou.forget(session.user)
        } catch let error as CommunityError {
            return try await settings(session, notice: .init(error: error.message), status: error.kind.status)
        }
        return Pages.html(
            MessagePage.render("Account deleted", "The account \(session.user.username) is gone.", viewer: nil),
            setCookie: SessionCookie.expired(secure: community.secureCookies))
    }

    /// Runs a settings form's action and shows the page again with its outcome.
    private func change(
        _ request: Request, _ context: AppRequestContext, action: (SignedIn, [String: String]) async throws -> String
    ) async throws -> Response {
        let (session, fields) = try await Guards.memberForm(request, context)
        do {
            let message = try await action(session, fields)
            return try await settings(session, notice: .init(success: message))
        } catch let error as CommunityError {
            var response = try await settings(session, notice: .init(error: error.message), status: error.kind.status)
            if let seconds = error.retryAfterSeconds { response.headers[.retryAfter] = String(seconds) }
            return response
        }
    }

    /// The settings page of the signed-in member.
    func settings(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        try await settings(try Guards.member(request, context))
    }

    private func settings(
        _ session: SignedIn, newToken: String? = nil, notice: AccountViews.Notice = .none, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let user = try await community.accounts.current(session.user)
        let tokens = try await community.accounts.apiTokens(of: user)
        return Pages.html(AccountViews.settings(user, tokens: tokens, viewer: Viewer(session), newToken: newToken, notice: notice), status: status)
    }
}
