import Community
import HTTPTypes
import Hummingbird
import Mail
import PapersCore
import Presentation

/// Sign-up, log-in and log-out, address verification, password reset, and the settings page.
struct AccountController: Sendable {
    let community: CommunityFeatures
    let clock: @Sendable () -> Timestamp

    private var accounts: AccountService { community.accounts }

    func signUpForm(_ request: Request, _ context: AppRequestContext) throws -> Response {
        try anonymousForm(request, context) { AccountViews.signUp(csrf: $0, viewer: context.viewer) }
    }

    func logInForm(_ request: Request, _ context: AppRequestContext) throws -> Response {
        let next = Guards.localPath(request.queryItems["next"] ?? "/") ?? "/"
        if context.session != nil { return Responses.redirect(to: next).response }
        return try anonymousForm(request, context) { AccountViews.logIn(next: next, csrf: $0, viewer: context.viewer) }
    }

    func verifyEmailForm(_ request: Request, _ context: AppRequestContext) throws -> Response {
        let change = request.queryItems["change"] == "1"
        return try anonymousForm(request, context) {
            AccountViews.verifyEmail(token: request.queryItems["token"] ?? "", change: change, csrf: $0, viewer: context.viewer)
        }
    }

    func forgotPasswordForm(_ request: Request, _ context: AppRequestContext) throws -> Response {
        try anonymousForm(request, context) { AccountViews.forgotPassword(csrf: $0, viewer: context.viewer) }
    }

    func resetPasswordForm(_ request: Request, _ context: AppRequestContext) throws -> Response {
        try anonymousForm(request, context) { AccountViews.resetPassword(token: request.queryItems["token"] ?? "", csrf: $0, viewer: context.viewer) }
    }

    func signUp(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let fields = try await Guards.form(request, context)
        guard context.session == nil else {
            throw PageError(status: .conflict, message: "You are signed in already: log out before creating another account.")
        }
        let csrf = fields[CSRF.fieldName] ?? ""
        let username = fields["username"] ?? "", email = fields["email"] ?? ""
        func again(_ message: String, status: HTTPResponse.Status) -> Response {
            // What was typed stays in the form (but the password): a refusal never costs the visitor their work.
            Pages.html(
                AccountViews.signUp(username: username, email: email, csrf: csrf, notice: .init(error: message), viewer: context.viewer),
                status: status)
        }
        do {
            try community.limits.checkAccountAction(.signup, context, target: email, now: clock())
        } catch let error as HTTPError where error.status == .tooManyRequests {
            var response = again(error.body ?? "Too many sign-ups from here: try again later.", status: .tooManyRequests)
            response.headers.append(contentsOf: error.headers)
            return response
        }
        do {
            let user = try await accounts.signUp(username: username, email: email, password: fields["password"] ?? "")
            // Written from what was typed, the same whether an account was made or not.
            let address = (try? EmailAddress(email).value) ?? email.trimmingWhitespace()
            let text =
                community.accounts.requiresVerifiedEmail
                ? "We sent a link to \(address): follow it to confirm your address, then log in to submit papers and comment."
                : "Your account is ready."
            let title = "Welcome, \((try? AccountRules.validUsername(username)) ?? username.trimmingWhitespace())!"
            let home = ("Go to today's papers", Route.home.path)
            // With mail on, no session yet: a taken address makes no account (its owner got a mail), and the answer must
            // read the same. The member logs in once the address is confirmed.
            guard let user, !community.accounts.requiresVerifiedEmail else {
                return Pages.html(MessagePage.render(title, text, link: ("Log in", Route.logInForm.path), viewer: context.viewer))
            }
            let ticket = try await accounts.startSession(for: user)
            let page = MessagePage.render(title, text, link: home, viewer: Viewer(user: user, csrf: ticket.csrf))
            return Pages.html(page, setCookie: sessionCookie(ticket))
        } catch let error as CommunityError {
            if error.kind == .invalid { community.limits.refundAccountAction(.signup, context, target: email, now: clock()) }
            return again(error.message, status: error.kind.status)
        }
    }

    func logIn(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let fields = try await Guards.form(request, context)
        let next = Guards.localPath(fields["next"] ?? "/") ?? "/"
        do {
            // Counted by the client's address, and by the account together with the address: a stranger's wrong
            // tries cannot lock a member out, and a member's name and address share one budget.
            let user = try await accounts.logIn(login: fields["login"] ?? "", password: fields["password"] ?? "") { account in
                try community.limits.checkAccountAction(.login, context, target: account, perClient: true, now: clock())
            }
            // A new session id on every log-in: a session the browser brought along (planted or not) is ended.
            if let old = context.session { try await accounts.endSession(old) }
            let ticket = try await accounts.startSession(for: user)
            var response = Responses.redirect(to: next).response
            response.headers.append(HTTPField(name: .setCookie, value: sessionCookie(ticket)))
            return response
        } catch let error as CommunityError {
            let page = AccountViews.logIn(
                login: fields["login"] ?? "", next: next, csrf: fields[CSRF.fieldName] ?? "", notice: .init(error: error.message),
                viewer: context.viewer)
            return Pages.html(page, status: error.kind.status)
        }
    }

    func logOut(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        _ = try await Guards.form(request, context)
        if let session = context.session { try await accounts.endSession(session) }
        var response = Responses.redirect(to: Route.home.path).response
        response.headers.append(HTTPField(name: .setCookie, value: SessionCookie.expired(secure: community.secureCookies)))
        return response
    }

    func verifyEmail(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let fields = try await Guards.form(request, context)
        let token = fields["token"] ?? ""
        let user = fields["change"] == "1" ? try await accounts.confirmEmailChange(secret: token) : try await accounts.verifyEmail(secret: token)
        return Pages.html(
            MessagePage.render(
                "Address confirmed", "\(user.email) is confirmed for \(user.username).", link: ("Go to today's papers", Route.home.path),
                viewer: context.viewer))
    }

    func forgotPassword(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let fields = try await Guards.form(request, context)
        try community.limits.checkAccountAction(.reset, context, target: fields["email"] ?? "", now: clock())
        do {
            try await accounts.requestPasswordReset(email: fields["email"] ?? "")
        } catch let error as CommunityError {
            return Pages.html(
                AccountViews.forgotPassword(csrf: fields[CSRF.fieldName] ?? "", notice: .init(error: error.message), viewer: context.viewer),
                status: error.kind.status)
        }
        // The same answer whether or not an account has the address.
        return Pages.html(
            MessagePage.render(
                "Check your inbox", "If an account uses that address, a link to choose a new password is on its way.", viewer: context.viewer))
    }

    func resetPassword(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let fields = try await Guards.form(request, context)
        try community.limits.checkAccountAction(.reset, context, target: "", now: clock())
        let token = fields["token"] ?? ""
        do {
            let user = try await accounts.resetPassword(secret: token, newPassword: fields["password"] ?? "")
            return Pages.html(
                MessagePage.render(
                    "Password changed", "\(user.username) has a new password; every session was logged out.", link: ("Log in", Route.logInForm.path),
                    viewer: context.viewer))
        } catch let error as CommunityError {
            return Pages.html(
                AccountViews.resetPassword(
                    token: token, csrf: fields[CSRF.fieldName] ?? "", notice: .init(error: error.message), viewer: context.viewer),
                status: error.kind.status)
        }
    }

    /// A form page for visitors, carrying the double-submit CSRF token (members use their session's).
    private func anonymousForm(_ request: Request, _ context: AppRequestContext, _ page: (String) -> HTML) throws -> Response {
        if let session = context.session { return Pages.html(page(session.csrf)) }
        let (token, cookie) = CSRF.token(for: request, secure: community.secureCookies)
        return Pages.html(page(token), setCookie: cookie)
    }

    private func sessionCookie(_ ticket: SessionTicket) -> String {
        SessionCookie.make(secret: ticket.secret, maxAgeSeconds: AccountService.sessionLifetimeDays * 86_400, secure: community.secureCookies)
    }
}
