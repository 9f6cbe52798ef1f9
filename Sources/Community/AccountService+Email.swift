import Mail
import PapersCore
import Storage

/// Changing a member's address: the account keeps the old one until the link mailed to the new one is followed.
extension AccountService {
    /// Mails a confirmation link to the new address; the account keeps the old one until it is followed. When another
    /// account holds the address, its owner gets a notice instead, and the member sees the same answer.
    public func requestEmailChange(_ user: User, password: String, newEmail rawEmail: String) async throws {
        try await checkPassword(password, of: user)
        let email = try Self.validEmail(rawEmail)
        guard email.lowercased() != user.email.lowercased() else { throw CommunityError.invalid("That is already your address.") }
        let owner = try await users.user(email: email)
        guard let mailer else {
            // Without mail there is nobody to tell in private: the member learns it here.
            if owner != nil { throw CommunityError.conflict("Another account uses \(email).") }
            try await users.setEmail(userId: user.id, email: email, at: clock())
            return
        }
        // A taken address gets a notice instead of a link, and the member the same answer: the form does not tell
        // who is a member.
        if let owner {
            try await queue(try mailer.mail.emailChangeAttempt(username: owner.username, email: owner.email, requesterId: user.id, now: clock()))
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
