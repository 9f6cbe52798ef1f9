import PapersCore
import Storage

/// The mails about a member's account: confirm an address, reset a password, confirm a new address.
public struct AccountMail: Sendable {
    let composer: DigestComposer

    public init(composer: DigestComposer) {
        self.composer = composer
    }

    /// Hours an account link stays valid.
    public static let linkLifetimeHours = 24

    public func verification(username: String, email: String, userId: Int64, secret: String, now: Timestamp) throws -> OutboxMessage {
        let text = """
            Welcome to DailyPapers, \(username)!

            Please confirm that this is your address:

            \(composer.siteURL)/verify-email?token=\(secret)

            The link is valid for \(Self.linkLifetimeHours) hours and works once. If you did not sign up, ignore this mail.
            """
        return try message(to: email, kind: "verify-email", userId: userId, subject: "Confirm your DailyPapers address", text: text, now: now)
    }

    public func passwordReset(username: String, email: String, userId: Int64, secret: String, now: Timestamp) throws -> OutboxMessage {
        let text = """
            Someone (hopefully you) asked to reset the password of the DailyPapers account \(username).

            Choose a new password here:

            \(composer.siteURL)/reset-password?token=\(secret)

            The link is valid for \(Self.linkLifetimeHours) hours and works once. If you did not ask, ignore this mail: your password is unchanged.
            """
        return try message(to: email, kind: "reset-password", userId: userId, subject: "Reset your DailyPapers password", text: text, now: now)
    }

    public func emailChange(username: String, newEmail: String, userId: Int64, secret: String, now: Timestamp) throws -> OutboxMessage {
        let text = """
            The DailyPapers account \(username) asked to use this address from now on. Confirm it here:

            \(composer.siteURL)/verify-email?change=1&token=\(secret)

            The link is valid for \(Self.linkLifetimeHours) hours and works once. Until then the account keeps its old address.
            """
        return try message(to: newEmail, kind: "change-email", userId: userId, subject: "Confirm your new DailyPapers address", text: text, now: now)
    }

    private func message(to recipient: String, kind: String, userId: Int64, subject: String, text: String, now: Timestamp) throws -> OutboxMessage {
        try composer.notice(to: recipient, kind: kind, key: "\(kind):u\(userId):\(now.millisecondsSinceEpoch)", subject: subject, text: text, now: now)
    }
}
