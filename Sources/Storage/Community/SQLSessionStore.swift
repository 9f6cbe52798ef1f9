import PapersCore

/// What a one-time account link is for.
public enum AccountTokenPurpose: String, Sendable {
    case verifyEmail = "verify-email"
    case resetPassword = "reset-password"
    case changeEmail = "change-email"
}

/// An API token as the settings page lists it (the secret itself is shown once, at creation).
public struct APITokenInfo: Sendable, Equatable {
    public var id: Int64
    public var name: String
    /// The first characters of the token, so its owner can tell tokens apart.
    public var prefix: String
    public var createdAt: Timestamp
    public var lastUsedAt: Timestamp?
}

/// Browser sessions, one-time account links and API tokens, kept by the SHA-256 of their secrets, on any `SQLDatabase`.
///
/// Each method is one statement or one transaction, so nothing is ever half-written.
public struct SQLSessionStore: Sendable {
    let database: any SQLDatabase

    public init(database: any SQLDatabase) {
        self.database = database
    }
    // MARK: sessions (ids are SHA-256 hashes of the cookie's secret, so a leaked table opens no session)

    public func createSession(idHash: String, userId: Int64, csrf: String, at now: Timestamp, expiresAt: Timestamp) async throws {
        try await database.execute(
            """
            INSERT INTO sessions (id, user_id, csrf, created_at, expires_at)
            VALUES (\(idHash), \(userId), \(csrf), \(now.millisecondsSinceEpoch), \(expiresAt.millisecondsSinceEpoch))
            """
        )
    }

    /// The member and CSRF token of a live session; banned members have none.
    public func session(idHash: String, now: Timestamp) async throws -> (user: User, csrf: String)? {
        let rows = try await database.query(
            """
            SELECT \(unsafeRaw: UserRow.columns), s.csrf FROM sessions s JOIN users u ON u.id = s.user_id
            WHERE s.id = \(idHash) AND s.expires_at > \(now.millisecondsSinceEpoch) AND u.banned_at IS NULL
            """
        )
        guard let row = rows.first else { return nil }
        return (try UserRow.user(row), try row.string("csrf"))
    }

    public func deleteSession(idHash: String) async throws {
        try await database.execute("DELETE FROM sessions WHERE id = \(idHash)")
    }

    // MARK: one-time account links

    public func createAccountToken(
        idHash: String, userId: Int64, purpose: AccountTokenPurpose, newEmail: String? = nil, at now: Timestamp, expiresAt: Timestamp
    ) async throws {
        try await database.execute(
            """
            INSERT INTO account_tokens (id, user_id, purpose, new_email, created_at, expires_at)
            VALUES (\(idHash), \(userId), \(purpose.rawValue), \(newEmail), \(now.millisecondsSinceEpoch), \(expiresAt.millisecondsSinceEpoch))
            """
        )
    }

    /// Marks a link used and answers whose it was; nil when it is unknown, expired, already used or for another purpose.
    /// One statement, so two clicks racing cannot both succeed.
    public func consumeAccountToken(idHash: String, purpose: AccountTokenPurpose, now: Timestamp) async throws -> (userId: Int64, newEmail: String?)?
    {
        let time = now.millisecondsSinceEpoch
        let rows = try await database.write(
            """
            UPDATE account_tokens SET used_at = \(time)
            WHERE id = \(idHash) AND purpose = \(purpose.rawValue) AND used_at IS NULL AND expires_at > \(time)
            RETURNING user_id, new_email
            """
        )
        guard let row = rows.first, let userId = row.optionalInt64("user_id") else { return nil }
        return (userId, row.optionalString("new_email"))
    }

    // MARK: API tokens

    public func createAPIToken(userId: Int64, name: String, hash: String, prefix: String, at now: Timestamp) async throws {
        try await database.execute(
            """
            INSERT INTO api_tokens (user_id, name, token_hash, prefix, created_at)
            VALUES (\(userId), \(name), \(hash), \(prefix), \(now.millisecondsSinceEpoch))
            """
        )
    }

    public func apiTokens(userId: Int64) async throws -> [APITokenInfo] {
        let rows = try await database.query(
            "SELECT id, name, prefix, created_at, last_used_at FROM api_tokens WHERE user_id = \(userId) AND revoked_at IS NULL ORDER BY id"
        )
        return try rows.map { row in
            APITokenInfo(
                id: row.optionalInt64("id") ?? 0, name: try row.string("name"), prefix: try row.string("prefix"),
                createdAt: Timestamp(millisecondsSinceEpoch: row.optionalInt64("created_at") ?? 0),
                lastUsedAt: row.optionalInt64("last_used_at").map(Timestamp.init(millisecondsSinceEpoch:))
            )
        }
    }

    /// Revokes one of the member's tokens; false when they have no such live token.
    public func revokeAPIToken(id: Int64, userId: Int64, at now: Timestamp) async throws -> Bool {
        try await database.execute(
            "UPDATE api_tokens SET revoked_at = \(now.millisecondsSinceEpoch) WHERE id = \(id) AND user_id = \(userId) AND revoked_at IS NULL"
        ) > 0
    }

    /// The member a live token belongs to; records its use at most once a minute.
    public func user(apiTokenHash hash: String, now: Timestamp) async throws -> User? {
        let rows = try await database.query(
            """
            SELECT \(unsafeRaw: UserRow.columns), t.id AS token_id, t.last_used_at FROM api_tokens t JOIN users u ON u.id = t.user_id
            WHERE t.token_hash = \(hash) AND t.revoked_at IS NULL AND u.banned_at IS NULL
            """
        )
        guard let row = rows.first else { return nil }
        let time = now.millisecondsSinceEpoch
        if let tokenId = row.optionalInt64("token_id"), (row.optionalInt64("last_used_at") ?? 0) < time - 60_000 {
            try await database.execute("UPDATE api_tokens SET last_used_at = \(time) WHERE id = \(tokenId)")
        }
        return try UserRow.user(row)
    }
}

extension SQLSessionStore {
    /// Removes sessions and account links that can no longer be used.
    public func deleteExpired(now: Timestamp) async throws {
        try await database.execute("DELETE FROM sessions WHERE expires_at <= \(now.millisecondsSinceEpoch)")
        try await database.execute("DELETE FROM account_tokens WHERE expires_at <= \(now.millisecondsSinceEpoch)")
    }
}
