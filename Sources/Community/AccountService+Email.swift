import Mail
import PapersCore
import Storage

/// Changing a member's address: the account keeps the old one until the link mailed to the new one is followed.
extension AccountService {
    /// Mails a confirmation link to the new address; the account keeps the old one until it is followed.
    public func requestEmailChange(_ user: User, password: String, newEmail rawEmail: String) async throws {
        try await checkPassword(password, of: user)
        let email = try Self.validEmail(rawEmail)
        guard email.lowercased() != user.email.lowercased() else { throw CommunityError.invalid("That is already your address.") }
        if try await users.user(email: email) != nil { throw CommunityError.conflict("Another account uses \(email).") }
        guard let mailer else {
            try await users.setEmail(userId: user.id, email: email, at: clock())
            return
        }
        let secret = try await newLink(for: user.id, purpose: .changeEmail, newEmail: email)
        try await queue(try mailer.mail.emailChange(username: user.username, newEmail: email, userId: user.id, secret: secret, now: clock()))
    }

    public func confirmEmailChange(secret: String) async throws -> User {
        let claim = try await consume(secret, .changeEmail)
        guard let email = claim.newEmail else { throw Self.badLink }
        let before = try await existingUser(claim.userId)
        try await users.setEmail(userId: claim.userId, email: email, at: clock())
        if let mailer, before.email.lowercased() != email.lowercased() {
            try await queue(
                try mailer.mail.emailChanged(username: before.username, oldEmail: before.email, newEmail: email, userId: before.id, now: clock()))
        }
        return try await existingUser(claim.userId)
    }
}
