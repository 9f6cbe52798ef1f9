import PapersCore

/// What members follow, and the papers they said they are not interested in, on any `SQLDatabase`.
public struct SQLFollowStore: Sendable {
    let database: any SQLDatabase
    /// The most recent "not interested" marks a member's ranking reads.
    public static let dismissedRead = 500

    public init(database: any SQLDatabase) {
        self.database = database
    }

    /// Follows `follow`; false when the member already did. Refused past `FollowRules.maximumFollows`.
    public func follow(_ follow: Follow, userId: Int64, at now: Timestamp) async throws -> Bool {
        try await database.transaction { connection in
            let count = try await connection.query("SELECT COUNT(*) AS n FROM follows WHERE user_id = \(userId)").first?.optionalInt("n") ?? 0
            guard count < FollowRules.maximumFollows else {
                throw CommunityError.conflict("A member follows at most \(FollowRules.maximumFollows) things: unfollow one first.")
            }
            return try await connection.execute(
                """
                INSERT INTO follows (user_id, kind, value_key, value, created_at)
                VALUES (\(userId), \(follow.kind.rawValue), \(follow.key), \(follow.value), \(now.millisecondsSinceEpoch))
                ON CONFLICT (user_id, kind, value_key) DO NOTHING
                """) > 0
        }
    }

    /// Stops following; false when the member did not follow it.
    public func unfollow(_ follow: Follow, userId: Int64) async throws -> Bool {
        try await database.execute(
            "DELETE FROM follows WHERE user_id = \(userId) AND kind = \(follow.kind.rawValue) AND value_key = \(follow.key)") > 0
    }

    /// Everything the member follows, by kind, then in the order they followed.
    public func follows(userId: Int64) async throws -> [Follow] {
        let rows = try await database.query(
            "SELECT kind, value_key, value FROM follows WHERE user_id = \(userId) ORDER BY kind, created_at, value_key")
        return try rows.compactMap { row -> Follow? in
            guard let kind = FollowKind(rawValue: try row.string("kind")) else { return nil }
            return Follow(kind: kind, value: try row.string("value"), key: try row.string("value_key"))
        }.sorted { $0.kind < $1.kind }
    }

    /// Whether the member follows `follow`.
    public func isFollowing(_ follow: Follow, userId: Int64) async throws -> Bool {
        try await !database.query(
            "SELECT 1 AS one FROM follows WHERE user_id = \(userId) AND kind = \(follow.kind.rawValue) AND value_key = \(follow.key)"
        ).isEmpty
    }

    /// How many members follow `follow`.
    public func followerCount(_ follow: Follow) async throws -> Int {
        try await database.query(
            "SELECT COUNT(*) AS n FROM follows WHERE kind = \(follow.kind.rawValue) AND value_key = \(follow.key)"
        ).first?.optionalInt("n") ?? 0
    }

    /// Whether anyone may see what the member follows.
    public func followsArePublic(userId: Int64) async throws -> Bool {
        try await database.query("SELECT follows_public FROM users WHERE id = \(userId)").first?.optionalInt("follows_public") == 1
    }

    public func setFollowsPublic(_ isPublic: Bool, userId: Int64) async throws {
        _ = try await database.execute("UPDATE users SET follows_public = \(isPublic ? 1 : 0) WHERE id = \(userId)")
    }
}

extension SQLFollowStore {
    /// Marks a paper "not interested" (again: nothing changes), or takes the mark back.
    public func setDismissed(_ dismissed: Bool, userId: Int64, paperId: String, at now: Timestamp) async throws {
        guard dismissed else {
            _ = try await database.execute("DELETE FROM dismissed_papers WHERE user_id = \(userId) AND paper_id = \(paperId)")
            return
        }
        _ = try await database.execute(
            """
            INSERT INTO dismissed_papers (user_id, paper_id, dismissed_at) VALUES (\(userId), \(paperId), \(now.millisecondsSinceEpoch))
            ON CONFLICT (user_id, paper_id) DO NOTHING
            """)
    }

    /// The papers the member marked "not interested", most recent first, at most `dismissedRead`.
    public func dismissedIds(userId: Int64) async throws -> [String] {
        try await database.query(
            """
            SELECT paper_id FROM dismissed_papers WHERE user_id = \(userId)
            ORDER BY dismissed_at DESC, paper_id LIMIT \(Self.dismissedRead)
            """
        ).map { try $0.string("paper_id") }
    }
}
