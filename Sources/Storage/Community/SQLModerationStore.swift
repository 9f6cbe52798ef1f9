import PapersCore

/// What moderators do, each change with its entry in the moderation log in one transaction, on any `SQLDatabase`.
///
/// Each method is one statement or one transaction, so nothing is ever half-written.
public struct SQLModerationStore: Sendable {
    let database: any SQLDatabase

    public init(database: any SQLDatabase) {
        self.database = database
    }
    /// Hides a paper from feeds, pages, the API and digests, and logs it.
    public func hidePaper(id: String, reason: HideReason, moderator: String, at now: Timestamp) async throws {
        try await database.transaction { connection in
            let updated = try await connection.execute("UPDATE papers SET hidden_reason = \(reason.rawValue) WHERE id = \(id)")
            guard updated > 0 else { throw CommunityError.notFound("No paper with id '\(id)' is in DailyPapers.") }
            try await Self.log(.hidePaper, target: id, reason: reason.rawValue, moderator: moderator, at: now, on: connection)
        }
    }

    /// Shows a hidden paper again, and logs it.
    public func showPaper(id: String, moderator: String, at now: Timestamp) async throws {
        try await database.transaction { connection in
            let updated = try await connection.execute("UPDATE papers SET hidden_reason = NULL WHERE id = \(id) AND hidden_reason IS NOT NULL")
            guard updated > 0 else { throw CommunityError.notFound("No hidden paper has the id '\(id)'.") }
            try await Self.log(.showPaper, target: id, reason: nil, moderator: moderator, at: now, on: connection)
        }
    }

    /// Makes a moderation change and its entry in the log in one transaction: both happen, or neither.
    private func moderate(
        _ action: ModerationEntry.Action, target: String, reason: String?, moderator: String, at now: Timestamp,
        change: @escaping @Sendable (any SQLConnection) async throws -> Void
    ) async throws {
        try await database.transaction { connection in
            try await change(connection)
            try await Self.log(action, target: target, reason: reason, moderator: moderator, at: now, on: connection)
        }
    }

    /// Hides a comment for a reason, takes it out of the paper's count and logs it, in one transaction.
    public func hideComment(id: Int64, on paperId: String, reason: HideReason, moderator: String, at now: Timestamp) async throws {
        try await moderate(.hideComment, target: "comment \(id) on \(paperId)", reason: reason.rawValue, moderator: moderator, at: now) {
            connection in
            try await SQLCommentStore.removeComment(id: id, set: "hidden_reason = \(reason.rawValue)", on: connection)
        }
    }

    /// Gives a member a role and logs who did it, in one transaction.
    public func setRole(of user: User, to role: UserRole, moderator: String, at now: Timestamp) async throws {
        try await moderate(.setRole, target: user.username, reason: role.rawValue, moderator: moderator, at: now) { connection in
            _ = try await connection.execute("UPDATE users SET role = \(role.rawValue) WHERE id = \(user.id)")
        }
    }

    /// Bans (ending every session and revoking API tokens) or unbans a member, and logs it, in one transaction.
    public func setBanned(_ user: User, _ banned: Bool, moderator: String, at now: Timestamp) async throws {
        try await moderate(banned ? .banUser : .unbanUser, target: user.username, reason: nil, moderator: moderator, at: now) { connection in
            _ = try await connection.execute("UPDATE users SET banned_at = \(banned ? now.millisecondsSinceEpoch : nil) WHERE id = \(user.id)")
            if banned {
                _ = try await connection.execute("DELETE FROM sessions WHERE user_id = \(user.id)")
                _ = try await connection.execute(
                    "UPDATE api_tokens SET revoked_at = \(now.millisecondsSinceEpoch) WHERE user_id = \(user.id) AND revoked_at IS NULL"
                )
            }
        }
    }

    /// The moderation log, newest first.
    public func moderationLog(limit: Int, offset: Int = 0) async throws -> [ModerationEntry] {
        let rows = try await database.query("SELECT * FROM moderation_log ORDER BY id DESC LIMIT \(limit) OFFSET \(offset)")
        return try rows.map { row in
            ModerationEntry(
                id: row.optionalInt64("id") ?? 0, moderator: try row.string("moderator"),
                action: ModerationEntry.Action(rawValue: try row.string("action")) ?? .hidePaper,
                target: try row.string("target"), reason: row.optionalString("reason"),
                at: Timestamp(millisecondsSinceEpoch: row.optionalInt64("created_at") ?? 0)
            )
        }
    }

    /// Hidden papers with their reasons, for moderators to review.
    public func hiddenPapers(limit: Int) async throws -> [(id: String, title: String, reason: String)] {
        let rows = try await database.query("SELECT id, title, hidden_reason FROM papers WHERE hidden_reason IS NOT NULL ORDER BY id LIMIT \(limit)")
        return try rows.map { (try $0.string("id"), try $0.string("title"), try $0.string("hidden_reason")) }
    }

    private static func log(
        _ action: ModerationEntry.Action, target: String, reason: String?, moderator: String, at now: Timestamp, on connection: any SQLConnection
    ) async throws {
        _ = try await connection.execute(
            """
            INSERT INTO moderation_log (moderator, action, target, reason, created_at)
            VALUES (\(moderator), \(action.rawValue), \(target), \(reason), \(now.millisecondsSinceEpoch))
            """
        )
    }
}
