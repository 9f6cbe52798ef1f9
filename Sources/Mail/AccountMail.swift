import PapersCore
import Storage

/// The mails about a member's account: confirm an address, reset a password, confirm a new address, and the
/// notices that tell the owner of an address what happened to their account (a sign-up attempt, a new password,
/// a new address, an attempt to move another account to it).
///
/// A mail with a one-time link keeps, in the outbox, a copy without it for after sending (`DigestComposer.notice`).
public struct AccountMail: Sendable {
    let composer: DigestComposer

    public init(composer: DigestComposer) {
        self.composer = composer
    }

    /// Hours an account link stays valid.
    public static let linkLifetimeHours = 24

    public func verification(username: String, email: String, userId: Int64, secret: String, now: Timestamp) throws -> OutboxMessage {
        let link = composer.site.url(.verifyEmailForm, query: ["token": secret])
        return try message(to: email, kind: "verify-email", userId: userId, subject: "Confirm your DailyPapers address", link: link, now: now) {
            """
            Welcome to DailyPapers, \(username)!

            Please confirm that this is your address:

            \($0)

            The link is valid for \(Self.linkLifetimeHours) hours and works once. If you did not sign up, ignore this mail.
            """
        }
    }

    public func passwordReset(username: String, email: String, userId: Int64, secret: String, now: Timestamp) throws -> OutboxMessage {
        let link = composer.site.url(.resetPasswordForm, query: ["token": secret])
        return try message(to: email, kind: "reset-password", userId: userId, subject: "Reset your DailyPapers password", link: link, now: now) {
            """
            Someone (hopefully you) asked to reset the password of the DailyPapers account \(username).

            Choose a new password here:

            \($0)

            The link is valid for \(Self.linkLifetimeHours) hours and works once. If you did not ask, ignore this mail: your password is unchanged.
            """
        }
    }

    public func emailChange(username: String, newEmail: String, userId: Int64, secret: String, now: Timestamp) throws -> OutboxMessage {
        let link = composer.site.url(.verifyEmailForm, query: ["change": "1", "token": secret])
        let subject = "Confirm your new DailyPapers address"
        return try message(to: newEmail, kind: "change-email", userId: userId, subject: subject, link: link, now: now) {
            """
            The DailyPapers account \(username) asked to use this address from now on. Confirm it here:

            \($0)

            The link is valid for \(Self.linkLifetimeHours) hours and works once. Until then the account keeps its old address.
            """
        }
    }

    /// To the owner of an address someone tried to sign up with: the sign-up page does not say the address is taken.
    public func signUpAttempt(username: String, email: String, userId: Int64, now: Timestamp) throws -> OutboxMessage {
        try message(to: email, kind: "signup-attempt", userId: userId, subject: "Someone tried to sign up with your address", now: now) { _ in
            """
            Someone tried to create a DailyPapers account with this address, which already belongs to the account \(username).

            If it was you, log in instead — or choose a new password if you forgot it:

            \(composer.site.url(.forgotPasswordForm))

            If it was not you, ignore this mail: nothing changed.
            """
        }
    }

    /// To the owner of an address another account (`requesterId`) asked to move to: the settings page does not say
    /// the address is taken. The mail counts against the requester's limit.
    public func emailChangeAttempt(username: String, email: String, requesterId: Int64, now: Timestamp) throws -> OutboxMessage {
        let subject = "Someone tried to use your address on DailyPapers"
        return try message(to: email, kind: "change-email-attempt", userId: requesterId, subject: subject, now: now) { _ in
            """
            Another DailyPapers account asked to use this address, which already belongs to the account \(username). Nothing
            changed: an address belongs to one account.

            If you did not expect this, ignore this mail.
            """
        }
    }

    /// To the account's address after its password changed (by the member, or through a reset link).
    public func passwordChanged(username: String, email: String, userId: Int64, byReset: Bool, now: Timestamp) throws -> OutboxMessage {
        let how =
            byReset
            ? "through a reset link; every session was logged out and every API token revoked"
            : "from its settings page; its other sessions were logged out"
        return try message(to: email, kind: "password-changed", userId: userId, subject: "Your DailyPapers password was changed", now: now) { _ in
            """
            The password of the DailyPapers account \(username) was changed \(how).

            If this was not you, choose a new password at once:

            \(composer.site.url(.forgotPasswordForm))
            """
        }
    }

    /// To the old address after the account moved to a new one.
    public func emailChanged(username: String, oldEmail: String, newEmail: String, userId: Int64, now: Timestamp) throws -> OutboxMessage {
        try message(to: oldEmail, kind: "email-changed", userId: userId, subject: "Your DailyPapers address was changed", now: now) { _ in
            """
            The DailyPapers account \(username) now uses the address \(newEmail) instead of this one.

            If this was not you, reply to this mail or ask an admin of the site: your account may be in someone else's hands.
            """
        }
    }

    private func message(
        to recipient: String, kind: String, userId: Int64, subject: String, link: String? = nil, now: Timestamp, text: (String) -> String
    ) throws -> OutboxMessage {
        try composer.notice(
            to: recipient, kind: kind, key: "\(kind):u\(userId):\(now.millisecondsSinceEpoch)", userId: userId, subject: subject, link: link,
            now: now, text: text)
    }
}
