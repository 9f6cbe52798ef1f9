import PapersCore

/// A new member's details, with the password already hashed.
public struct NewUser: Sendable {
    public var username: String
    public var email: String
    public var passwordHash: String
    public var role: UserRole
    public var emailVerified: Bool

    public init(username: String, email: String, passwordHash: String, role: UserRole = .user, emailVerified: Bool = false) {
        self.username = username
        self.email = email
        self.passwordHash = passwordHash
        self.role = role
        self.emailVerified = emailVerified
    }
}

/// Members: accounts, their credentials, addresses and deletion, on any `SQLDatabase`.
///
/// Each method is one statement or one transaction, so nothing is ever half-written.
public struct SQLUserStore: Sendable {
    let database: any SQLDatabase

    public init(database: any SQLDatabase) {
        self.database = database
    }
    /// Creates a member; a taken username (in any letter case) or e-mail address is a conflict.
    public func createUser(_ new: NewUser, at now: Timestamp) async throws -> User {
        let time = now.millisecondsSinceEpoch
        return try await database.transaction { connection in
            let taken = try await connection.query(
                "SELECT username_key, email FROM users WHERE username_key = \(new.username.lowercased()) OR lower(email) = \(new.email.lowercased())"
            )
            if let row = taken.first {
                throw row.optionalString("email")?.lowercased() == new.email.lowercased()
                    ? CommunityError.conflict("An account with this e-mail address exists. Log in, or reset its password.")
                    : CommunityError.conflict("The username '\(new.username)' is taken.")
            }
            let rows = try await connection.query(
                """
                INSERT INTO users (username, username_key, email, password_hash, role, email_verified_at, created_at)
                VALUES (\(new.username), \(new.username.lowercased()), \(new.email), \(new.passwordHash), \(new.role.rawValue),
                        \(new.emailVerified ? time : nil), \(time))
                RETURNING id
                """
            )
            let id = rows.first?.optionalInt64("id") ?? 0
            return User(id: id, username: new.username, email: new.email, role: new.role, emailVerified: new.emailVerified, createdAt: now)
        }
    }

    public func user(id: Int64) async throws -> User? {
        try await database.query("SELECT \(unsafeRaw: UserRow.columns) FROM users u WHERE u.id = \(id)").first.map(UserRow.user)
    }

    /// The member with this username (any letter case).
    public func user(named username: String) async throws -> User? {
        try await database.query("SELECT \(unsafeRaw: UserRow.columns) FROM users u WHERE u.username_key = \(username.lowercased())")
            .first.map(UserRow.user)
    }

    /// The member with this address, in any letter case (addresses are compared case-insensitively everywhere).
    public func user(email: String) async throws -> User? {
        try await database.query("SELECT \(unsafeRaw: UserRow.columns) FROM users u WHERE lower(u.email) = \(email.lowercased())").first.map(
            UserRow.user)
    }

    /// The member a login names (by username or e-mail address) and their password hash.
    public func credentials(login: String) async throws -> (user: User, passwordHash: String)? {
        let rows = try await database.query(
            """
            SELECT \(unsafeRaw: UserRow.columns), u.password_hash FROM users u
            WHERE u.username_key = \(login.lowercased()) OR lower(u.email) = \(login.lowercased())
            """
        )
        guard let row = rows.first else { return nil }
        return (try UserRow.user(row), try row.string("password_hash"))
    }

    public func passwordHash(userId: Int64) async throws -> String? {
        try await database.query("SELECT password_hash FROM users WHERE id = \(userId)").first?.optionalString("password_hash")
    }

    /// Sets a new password hash in one transaction with what recovering an account needs: every session of the
    /// member ends but `keepingSession`, every pending account link (reset, verification, address change) stops
    /// working, and with `revokingTokens` every API token is revoked.
    public func setPassword(userId: Int64, hash: String, keepingSession: String? = nil, revokingTokens: Bool = false, at now: Timestamp) async throws
    {
        try await database.transaction { connection in
            _ = try await connection.execute("UPDATE users SET password_hash = \(hash) WHERE id = \(userId)")
            _ = try await connection.execute("DELETE FROM sessions WHERE user_id = \(userId) AND id <> \(keepingSession ?? "")")
            _ = try await connection.execute("DELETE FROM account_tokens WHERE user_id = \(userId) AND used_at IS NULL")
            if revokingTokens {
                _ = try await connection.execute(
                    "UPDATE api_tokens SET revoked_at = \(now.millisecondsSinceEpoch) WHERE user_id = \(userId) AND revoked_at IS NULL"
                )
            }
        }
    }

    public func markEmailVerified(userId: Int64, at now: Timestamp) async throws {
        try await database.execute(
            "UPDATE users SET email_verified_at = \(now.millisecondsSinceEpoch) WHERE id = \(userId) AND email_verified_at IS NULL"
        )
    }

    /// Changes the address (verified, since the member followed a link sent to it); a taken address is a conflict.
    public func setEmail(userId: Int64, email: String, at now: Timestamp) async throws {
        try await database.transaction { connection in
            let taken = try await connection.query("SELECT id FROM users WHERE lower(email) = \(email.lowercased()) AND id <> \(userId)")
            guard taken.isEmpty else { throw CommunityError.conflict("Another account uses \(email).") }
            _ = try await connection.execute(
                "UPDATE users SET email = \(email), email_verified_at = \(now.millisecondsSinceEpoch) WHERE id = \(userId)"
            )
        }
    }

    public func userCount() async throws -> Int {
        try await database.query("SELECT COUNT(*) AS n FROM users").first?.int("n") ?? 0
    }

    /// Deletes an account. Its votes are withdrawn (counts go down), its comments keep their place in threads but
    /// lose their text and author, papers it submitted stay featured without a submitter.
    public func deleteUser(id: Int64, at now: Timestamp) async throws {
        try await database.transaction { connection in
            guard let row = try await connection.query("SELECT username FROM users WHERE id = \(id)").first else { return }
            let username = try row.string("username")
            _ = try await connection.execute(
                """
                UPDATE papers SET community_upvotes = community_upvotes - 1
                WHERE id IN (SELECT paper_id FROM votes WHERE user_id = \(id))
                """
            )
            _ = try await connection.execute("DELETE FROM votes WHERE user_id = \(id)")
            // Their collections and notes go with the account (ON DELETE CASCADE); their upvotes of others' collections
            // are taken back first, as their paper votes are.
            _ = try await connection.execute(
                "UPDATE collections SET upvotes = upvotes - 1 WHERE id IN (SELECT collection_id FROM collection_upvotes WHERE user_id = \(id))")
            _ = try await connection.execute(
                """
                UPDATE papers SET community_comments = community_comments - (
                    SELECT COUNT(*) FROM comments c WHERE c.paper_id = papers.id AND c.user_id = \(id) AND c.deleted_at IS NULL
                ) WHERE id IN (SELECT paper_id FROM comments WHERE user_id = \(id) AND deleted_at IS NULL)
                """
            )
            _ = try await connection.execute(
                "UPDATE comments SET body = '', deleted_at = \(now.millisecondsSinceEpoch), user_id = NULL WHERE user_id = \(id)"
            )
            _ = try await connection.execute("UPDATE papers SET submitted_by = NULL, submitted_here = 0 WHERE submitted_by = \(username)")
            _ = try await connection.execute(
                "DELETE FROM follows WHERE kind = 'collection' AND value_key IN (SELECT id FROM collections WHERE owner_user_id = \(id))")
            _ = try await connection.execute("DELETE FROM users WHERE id = \(id)")
        }
    }
}
