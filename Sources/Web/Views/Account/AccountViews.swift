import Community
import Mail
import PapersCore
import Presentation
import Storage

/// Sign-up, log-in, password and settings pages.
enum AccountViews {
    /// What a form page shows above its fields.
    struct Notice {
        var error: String?
        var success: String?

        static let none = Notice()

        var html: HTML {
            if let error { return "<p class=\"error\" role=\"alert\">\(error)</p>" }
            if let success { return "<p class=\"notice\" role=\"status\">\(success)</p>" }
            return ""
        }
    }

    static func signUp(username: String = "", email: String = "", csrf: String, notice: Notice = .none, viewer: Viewer?) -> HTML {
        page(
            "Sign up", viewer: viewer,
            """
            <h1>Sign up</h1>
            <p class="sub">Upvote, submit and discuss papers. Already a member? <a href="\(Route.logInForm.path)">Log in</a>.</p>
            \(notice.html)
            <form class="stack" method="post" action="\(Route.signUp.path)">\(CSRF.hiddenField(csrf))
            <label>Username <input name="username" value="\(username)" required minlength="2" maxlength="32" pattern="[A-Za-z0-9][A-Za-z0-9_\\-]*" autocomplete="username"></label>
            <label>E-mail <input type="email" name="email" value="\(email)" required autocomplete="email"></label>
            <label>Password (8 or more characters) <input type="password" name="password" required minlength="8" maxlength="72" autocomplete="new-password"></label>
            <div><button>Create account</button></div>
            </form>
            """)
    }

    static func logIn(login: String = "", next: String, csrf: String, notice: Notice = .none, viewer: Viewer?) -> HTML {
        page(
            "Log in", viewer: viewer,
            """
            <h1>Log in</h1>
            \(notice.html)
            <form class="stack" method="post" action="\(Route.logIn.path)">\(CSRF.hiddenField(csrf))
            <input type="hidden" name="next" value="\(next)">
            <label>Username or e-mail <input name="login" value="\(login)" required autocomplete="username"></label>
            <label>Password <input type="password" name="password" required autocomplete="current-password"></label>
            <div><button>Log in</button></div>
            </form>
            <p><a href="\(Route.forgotPasswordForm.path)">Forgot your password?</a> · <a href="\(Route.signUpForm.path)">Sign up</a></p>
            """)
    }

    static func forgotPassword(csrf: String, notice: Notice = .none, viewer: Viewer?) -> HTML {
        page(
            "Forgot password", viewer: viewer,
            """
            <h1>Forgot your password?</h1>
            <p class="sub">We will mail a link to choose a new one. It works once, for \(AccountMail.linkLifetimeHours) hours.</p>
            \(notice.html)
            <form class="stack" method="post" action="\(Route.forgotPassword.path)">\(CSRF.hiddenField(csrf))
            <label>E-mail <input type="email" name="email" required autocomplete="email"></label>
            <div><button>Send the link</button></div>
            </form>
            """)
    }

    static func resetPassword(token: String, csrf: String, notice: Notice = .none, viewer: Viewer?) -> HTML {
        page(
            "Choose a new password", viewer: viewer,
            """
            <h1>Choose a new password</h1>
            \(notice.html)
            <form class="stack" method="post" action="\(Route.resetPassword.path)">\(CSRF.hiddenField(csrf))
            <input type="hidden" name="token" value="\(token)">
            <label>New password <input type="password" name="password" required minlength="8" maxlength="72" autocomplete="new-password"></label>
            <div><button>Set password</button></div>
            </form>
            """)
    }

    static func verifyEmail(token: String, change: Bool, csrf: String, viewer: Viewer?) -> HTML {
        page(
            "Confirm your address", viewer: viewer,
            """
            <h1>Confirm your address</h1>
            <form method="post" action="\(Route.verifyEmail.path)">\(CSRF.hiddenField(csrf))
            <input type="hidden" name="token" value="\(token)"><input type="hidden" name="change" value="\(change ? "1" : "0")">
            <button>Confirm</button></form>
            """)
    }

    static func settings(_ user: User, tokens: [APITokenInfo], viewer: Viewer, newToken: String? = nil, notice: Notice = .none) -> HTML {
        let csrf = viewer.csrf
        let verify: HTML =
            user.emailVerified
            ? ""
            : """
            <p class="error">Your address is not confirmed yet.</p>
            <form method="post" action="\(Route.changeSettings(.verify).path)">\(CSRF.hiddenField(csrf))<button>Send the confirmation mail again</button></form>
            """
        let created: HTML =
            newToken.map {
                "<p class=\"notice\">Your new token (copy it now: it is not shown again): <code>\($0)</code></p>" as HTML
            } ?? ""
        return page(
            "Settings", viewer: viewer,
            """
            <h1>Settings</h1>
            \(notice.html)
            <h2>Account</h2>
            <p>Signed in as <strong>\(user.username)</strong> (\(user.email)), \(user.role.rawValue).</p>
            \(verify)
            <h2>Password</h2>
            <form class="stack" method="post" action="\(Route.changeSettings(.password).path)">\(CSRF.hiddenField(csrf))
            <label>Current password <input type="password" name="current" required autocomplete="current-password"></label>
            <label>New password <input type="password" name="new" required minlength="8" maxlength="72" autocomplete="new-password"></label>
            <label><input type="checkbox" name="revoke_tokens" value="1"> Also revoke every API token (if someone else may have one)</label>
            <div><button>Change password</button></div></form>
            <h2>E-mail address</h2>
            <form class="stack" method="post" action="\(Route.changeSettings(.email).path)">\(CSRF.hiddenField(csrf))
            <label>New address <input type="email" name="email" required></label>
            <label>Password <input type="password" name="password" required autocomplete="current-password"></label>
            <div><button>Change address</button></div></form>
            <h2>API tokens</h2>
            <p class="sub">For <code>Authorization: Bearer</code> on the write API (upvote, submit, comment, collections) and as \
            <code>HF_TOKEN</code> for <code>huggingface_hub</code>.</p>
            \(created)
            \(tokenTable(tokens, csrf: csrf))
            <form class="inline" method="post" action="\(Route.changeSettings(.createToken).path)">\(CSRF.hiddenField(csrf))
            <label>Name <input name="name" required maxlength="64" placeholder="e.g. my-script"></label> <button>Create token</button></form>
            <h2>Your data</h2>
            <p class="sub"><a href="\(Route.accountExport.path)" download>Download everything you have here</a> — profile, votes, comments, \
            organizations, collections with their notes, reading list — as one JSON file.</p>
            <h2>Delete account</h2>
            <p class="sub">Your votes are withdrawn; your comments are replaced by "deleted"; your collections, reading list and notes \
            are deleted; papers you submitted stay featured without your name.</p>
            <form class="stack" method="post" action="\(Route.changeSettings(.delete).path)">\(CSRF.hiddenField(csrf))
            <label>Password <input type="password" name="password" required autocomplete="current-password"></label>
            <div><button>Delete my account</button></div></form>
            """)
    }

    private static func tokenTable(_ tokens: [APITokenInfo], csrf: String) -> HTML {
        guard !tokens.isEmpty else { return "<p>No tokens yet.</p>" }
        let rows = tokens.map { token -> HTML in
            let used: HTML = token.lastUsedAt.map { "\(CardFormatting.fullDate($0.day))" } ?? "never"
            return """
                <tr><td>\(token.name)</td><td><code>\(token.prefix)…</code></td><td>\(CardFormatting.fullDate(token.createdAt.day))</td><td>\(used)</td>
                <td><form class="inline" method="post" action="\(Route.revokeToken(id: String(token.id)).path)">\(CSRF.hiddenField(csrf))<button class="link">Revoke</button></form></td></tr>
                """
        }
        return "<table class=\"plain\"><tr><th>Name</th><th>Token</th><th>Created</th><th>Last used</th><th></th></tr>\(rows)</table>"
    }

    private static func page(_ title: String, viewer: Viewer?, _ content: HTML) -> HTML {
        Layout.page(title: title, alternates: [], viewer: viewer, content: content)
    }
}
