import Mail
import PapersCore
import Storage

/// Accounts: sign-up, verification, log-in, sessions, passwords, e-mail changes, API tokens and deletion.
public struct AccountService: Sendable {
    let users: SQLUserStore
    let sessions: SQLSessionStore
    let hasher: PasswordHasher
    /// Nil when mail is off: accounts work, but addresses cannot be verified and passwords cannot be reset by mail.
    let mailer: AccountMailer?
    let clock: @Sendable () -> Timestamp

    public static let sessionLifetimeDays = 30
    static let linkLifetimeMilliseconds = Int64(AccountMail.linkLifetimeHours) * 3_600_000
    static let apiTokenPrefix = "dp_"

    public init(
        users: SQLUserStore, sessions: SQLSessionStore, hasher: PasswordHasher, mailer: AccountMailer?, clock: @escaping @Sendable () -> Timestamp
    ) {
        self.users = users
        self.sessions = sessions
        self.hasher = hasher
        self.mailer = mailer
        self.clock = clock
    }

    /// Whether members must confirm their address before submitting and commenting (only when mail can reach them).
    public var requiresVerifiedEmail: Bool { mailer != nil }

    // MARK: sign-up and log-in

    /// Creates an account and mails the verification link. When the address belongs to an account already and mail
    /// is on, nothing is created and the owner is told by mail instead: the answer is nil, after the same checks and
    /// the same bcrypt time, and the page says what it says to a new member, so sign-up does not tell who is a member.
    public func signUp(username: String, email: String, password: String) async throws -> User? {
        let account = try Self.checked(username: username, email: email, password: password)
        guard let mailer else { return try await register(account, password: password, role: .user, emailVerified: false) }
        // Usernames are public (every member has a page), so a taken one is said, and before the address is looked at.
        if try await users.user(named: account.username) != nil { throw CommunityError.conflict("The username '\(account.username)' is taken.") }
        if let owner = try await users.user(email: account.email) {
            _ = try await hasher.hash(password)
            try await queue(
                try mailer.mail.signUpAttempt(username: owner.username, email: owner.email, userId: owner.id, now: clock()), quietly: true)
            return nil
        }
        let user = try await register(account, password: password, role: .user, emailVerified: false)
        try await sendVerification(to: user, quietly: true)
        return user
    }

    /// Creates an account from the command line: verified, with any role.
    public func createAccount(username: String, email: String, password: String, role: UserRole) async throws -> User {
        try await register(Self.checked(username: username, email: email, password: password), password: password, role: role, emailVerified: true)
    }

    /// The typed username and address made valid, with the password checked against the rules; refuses any of them.
    private static func checked(username: String, email: String, password: String) throws -> (username: String, email: String) {
        try refuseControls(username, email, password)
        let name = try AccountRules.validUsername(username)
        let address = try validEmail(email)
        try AccountRules.checkPassword(password, username: name)
        return (name, address)
    }

    private func register(_ account: (username: String, email: String), password: String, role: UserRole, emailVerified: Bool) async throws -> User {
        let hash = try await hasher.hash(password)
        let new = NewUser(username: account.username, email: account.email, passwordHash: hash, role: role, emailVerified: emailVerified)
        return try await users.createUser(new, at: clock())
    }

    /// The member whose username or address and password these are. Unknown names cost a hash too, so timing
    /// does not tell which accounts exist. `beforeTrying` sees the account the login names — `user:ID` whichever
    /// of its name or address was typed, else the typed text — before the password is tried (the rate limit).
    public func logIn(login: String, password: String, beforeTrying: (String) throws -> Void = { _ in }) async throws -> User {
        try Self.refuseControls(login, password)
        let name = login.trimmingWhitespace()
        let key = name.contains("@") ? ((try? EmailAddress(name))?.value ?? name) : name
        let found = try await users.credentials(login: key)
        try beforeTrying(found.map { "user:\($0.user.id)" } ?? "login:" + key.lowercased())
        guard let found else {
            _ = try await hasher.verify(password, hash: hasher.decoyHash)
            throw CommunityError(.unauthorized, "The username, e-mail address or password is wrong.")
        }
        guard try await hasher.verify(password, hash: found.passwordHash) else {
            throw CommunityError(.unauthorized, "The username, e-mail address or password is wrong.")
        }
        guard !found.user.banned else { throw CommunityError.forbidden("This account is banned.") }
        return found.user
    }

    /// Starts a new session with fresh secrets (never reusing one the browser brought: no session fixation).
    public func startSession(for user: User) async throws -> SessionTicket {
        let secret = Secrets.make()
        let csrf = Secrets.make()
        let now = clock()
        let expires = Timestamp(millisecondsSinceEpoch: now.millisecondsSinceEpoch + Int64(Self.sessionLifetimeDays) * 86_400_000)
        try await sessions.deleteExpired(now: now)
        try await sessions.createSession(idHash: Secrets.hash(secret), userId: user.id, csrf: csrf, at: now, expiresAt: expires)
        return SessionTicket(secret: secret, csrf: csrf, expiresAt: expires)
    }

    /// The live session a cookie's secret names.
    public func session(secret: String) async throws -> SignedIn? {
        guard Self.isWellFormedSecret(secret) else { return nil }
        let hash = Secrets.hash(secret)
        guard let found = try await sessions.session(idHash: hash, now: clock()) else { return nil }
        return SignedIn(user: found.user, csrf: found.csrf, sessionHash: hash)
    }

    public func endSession(_ signedIn: SignedIn) async throws {
        try await sessions.deleteSession(idHash: signedIn.sessionHash)
    }

    // MARK: e-mail verification

    /// Mails a new verification link (no-op when mail is off or the address is verified).
    public func sendVerification(to user: User, quietly: Bool = false) async throws {
        guard let mailer, !user.emailVerified else { return }
        let secret = try await newLink(for: user.id, purpose: .verifyEmail)
        let message = try mailer.mail.verification(username: user.username, email: user.email, userId: user.id, secret: secret, now: clock())
        try await queue(message, quietly: quietly)
    }

    /// Confirms an address from its link; the link works once.
    public func verifyEmail(secret: String) async throws -> User {
        let claim = try await consume(secret, .verifyEmail)
        try await users.markEmailVerified(userId: claim.userId, at: clock())
        return try await existingUser(claim.userId)
    }

    // MARK: passwords

    /// Mails a reset link when an account has this address; says nothing either way, so the form reveals no members.
    public func requestPasswordReset(email rawEmail: String) async throws {
        guard let mailer else {
            throw CommunityError(.unavailable, "Mail is off on this server, so passwords cannot be reset by mail. Ask an admin.")
        }
        let email = try Self.validEmail(rawEmail)
        guard let user = try await users.user(email: email), !user.banned else { return }
        let secret = try await newLink(for: user.id, purpose: .resetPassword)
        let message = try mailer.mail.passwordReset(username: user.username, email: user.email, userId: user.id, secret: secret, now: clock())
        try await queue(message, quietly: true)
    }

    /// Sets a new password from a reset link (which then stops working) and ends every session of the account.
    public func resetPassword(secret: String, newPassword: String) async throws -> User {
        guard Self.isWellFormedSecret(secret) else { throw Self.badLink }
        let hashed = Secrets.hash(secret)
        // The password is checked before the link is used up, so a refused password leaves the link working.
        try Self.refuseControls(newPassword)
        try AccountRules.checkPassword(newPassword)
        let hash = try await hasher.hash(newPassword)
        guard let claim = try await sessions.consumeAccountToken(idHash: hashed, purpose: .resetPassword, now: clock()) else { throw Self.badLink }
        let user = try await existingUser(claim.userId)
        // Whoever held the account may still hold a session, an API token or another link: all of them end.
        try await users.setPassword(userId: user.id, hash: hash, revokingTokens: true, at: clock())
        // Following the mailed link proves the address too.
        try await users.markEmailVerified(userId: user.id, at: clock())
        try await notifyPasswordChange(of: user, byReset: true)
        return user
    }

    /// Changes the password after checking the current one: other sessions and pending account links end, this
    /// session stays, and the API tokens are revoked when the member asks.
    public func changePassword(_ signedIn: SignedIn, current: String, new: String, revokingTokens: Bool = false) async throws {
        try await checkPassword(current, of: signedIn.user)
        try Self.refuseControls(new)
        try AccountRules.checkPassword(new, username: signedIn.user.username)
        try await users.setPassword(
            userId: signedIn.user.id, hash: try await hasher.hash(new), keepingSession: signedIn.sessionHash, revokingTokens: revokingTokens,
            at: clock()
        )
        try await notifyPasswordChange(of: signedIn.user, byReset: false)
    }

    private func notifyPasswordChange(of user: User, byReset: Bool) async throws {
        guard let mailer else { return }
        try await queue(try mailer.mail.passwordChanged(username: user.username, email: user.email, userId: user.id, byReset: byReset, now: clock()))
    }

    // MARK: helpers

    static let badLink = CommunityError.invalid("This link is invalid, expired or already used. Ask for a new one.")

    func checkPassword(_ password: String, of user: User) async throws {
        guard let hash = try await users.passwordHash(userId: user.id), try await hasher.verify(password, hash: hash) else {
            throw CommunityError(.unauthorized, "The current password is wrong.")
        }
    }

    func newLink(for userId: Int64, purpose: AccountTokenPurpose, newEmail: String? = nil) async throws -> String {
        let secret = Secrets.make()
        let now = clock()
        let expires = Timestamp(millisecondsSinceEpoch: now.millisecondsSinceEpoch + Self.linkLifetimeMilliseconds)
        try await sessions.createAccountToken(
            idHash: Secrets.hash(secret), userId: userId, purpose: purpose, newEmail: newEmail, at: now, expiresAt: expires)
        return secret
    }

    func consume(_ secret: String, _ purpose: AccountTokenPurpose) async throws -> (userId: Int64, newEmail: String?) {
        guard Self.isWellFormedSecret(secret),
            let claim = try await sessions.consumeAccountToken(idHash: Secrets.hash(secret), purpose: purpose, now: clock())
        else {
            throw Self.badLink
        }
        return claim
    }

    /// Queues `message` within the mail limits. Past one, a mail the member asked for is refused with a 429 that
    /// says which; a mail a stranger's form caused (`quietly`) is dropped, and the page reads as if it were sent.
    func queue(_ message: OutboxMessage, quietly: Bool = false) async throws {
        guard let mailer else { return }
        if let exceeded = try await mailer.outbox.enqueue(message, within: mailer.limits, at: clock()) {
            guard quietly else { throw CommunityError(.tooManyRequests, exceeded.message, retryAfterSeconds: 3_600) }
            return
        }
        mailer.sendNow()
    }

    func existingUser(_ id: Int64) async throws -> User {
        guard let user = try await users.user(id: id) else { throw CommunityError.notFound("This account no longer exists.") }
        return user
    }

    static func validEmail(_ raw: String) throws -> String {
        do { return try EmailAddress(raw).value } catch { throw CommunityError.invalid("That e-mail address cannot be used: \(error).") }
    }

    /// bcrypt reads a password only up to a NUL: `x\0correct-horse` would be the password `x`. No account field
    /// may hold NUL or another control character.
    static func refuseControls(_ texts: String...) throws {
        guard !texts.contains(where: TextEncoding.hasForbiddenControl) else {
            throw CommunityError.invalid("Usernames, addresses and passwords cannot contain NUL or other control characters.")
        }
    }

    static func isWellFormedSecret(_ secret: String) -> Bool {
        secret.utf8.count == 64 && secret.utf8.allSatisfy { ($0 >= 48 && $0 <= 57) || ($0 >= 97 && $0 <= 102) }
    }
}
