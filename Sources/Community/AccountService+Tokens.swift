import PapersCore
import Storage

/// Deleting an account, its API tokens, and looking members up.
extension AccountService {
    /// Deletes the account after checking the password (see `SQLUserStore.deleteUser` for what happens to its votes and comments).
    public func deleteAccount(_ user: User, password: String) async throws {
        try await checkPassword(password, of: user)
        try await users.deleteUser(id: user.id, at: clock())
    }

    /// Creates an API token and returns its secret, which is shown once and stored only as a hash.
    public func createAPIToken(for user: User, name rawName: String) async throws -> String {
        let name = rawName.trimmingWhitespace()
        guard (1...64).contains(name.count) else {
            throw CommunityError.invalid("Name the token (1 to 64 characters), e.g. after the script that uses it.")
        }
        guard try await sessions.apiTokens(userId: user.id).count < 20 else {
            throw CommunityError.invalid("An account has at most 20 tokens; revoke one first.")
        }
        let secret = Self.apiTokenPrefix + Secrets.make()
        try await sessions.createAPIToken(userId: user.id, name: name, hash: Secrets.hash(secret), prefix: String(secret.prefix(10)), at: clock())
        return secret
    }

    /// The member's API tokens (names and prefixes; the secrets are never stored).
    public func apiTokens(of user: User) async throws -> [APITokenInfo] {
        try await sessions.apiTokens(userId: user.id)
    }

    /// Revokes one of the member's tokens; false when it is not theirs or already revoked.
    public func revokeAPIToken(_ id: Int64, of user: User) async throws -> Bool {
        try await sessions.revokeAPIToken(id: id, userId: user.id, at: clock())
    }

    /// The member called `username`, if any.
    public func user(named username: String) async throws -> User? {
        try await users.user(named: username)
    }

    /// The member as stored now (a session's copy may be older).
    public func current(_ user: User) async throws -> User {
        try await users.user(id: user.id) ?? user
    }

    /// The member an `Authorization: Bearer` token belongs to.
    public func user(apiToken: String) async throws -> User? {
        guard apiToken.hasPrefix(Self.apiTokenPrefix), Self.isWellFormedSecret(String(apiToken.dropFirst(Self.apiTokenPrefix.count))) else {
            return nil
        }
        return try await sessions.user(apiTokenHash: Secrets.hash(apiToken), now: clock())
    }
}
