import PapersCore

/// Comments and their one-level threads, on any `SQLDatabase`.
///
/// Each method is one statement or one transaction, so nothing is ever half-written.
public struct SQLCommentStore: Sendable {
    let database: any SQLDatabase

    public init(database: any SQLDatabase) {
        self.database = database
    }
    static let commentColumns = """
        c.id, c.paper_id, c.parent_id, u.username, c.body, c.body_html, c.created_at, c.edited_at, c.deleted_at, c.hidden_reason, c.user_id
        """

    static func comment(_ row: SQLRow) throws -> Comment {
        Comment(
            id: row.optionalInt64("id") ?? 0,
            paperId: try row.string("paper_id"),
            parentId: row.optionalInt64("parent_id"),
            author: row.optionalString("username"),
            body: row.optionalString("body") ?? "",
            // Comments written before migration 9 have no stored HTML: the initializer renders theirs.
            html: row.optionalString("body_html"),
            createdAt: Timestamp(millisecondsSinceEpoch: row.optionalInt64("created_at") ?? 0),
            editedAt: row.optionalInt64("edited_at").map(Timestamp.init(millisecondsSinceEpoch:)),
            deleted: row.optionalInt64("deleted_at") != nil,
            hiddenReason: row.optionalString("hidden_reason").flatMap(HideReason.init(rawValue:))
        )
    }

    /// Adds a comment, or a reply to a top-level comment of the same paper (threads are one level deep).
    public func addComment(paperId: String, parentId: Int64?, userId: Int64, body: String, at now: Timestamp) async throws -> Comment {
        let html = CommentMarkdown.render(body)
        return try await database.transaction { connection in
            guard try await !connection.query("SELECT 1 AS found FROM papers WHERE id = \(paperId) AND hidden_reason IS NULL").isEmpty else {
                throw CommunityError.notFound("No paper with id '\(paperId)' is in DailyPapers.")
            }
            if let parentId {
                let parent = try await connection.query("SELECT paper_id, parent_id FROM comments WHERE id = \(parentId)").first
                guard let parent, parent.optionalString("paper_id") == paperId else {
                    throw CommunityError.notFound("Comment \(parentId) is not on this paper, so it cannot be answered here.")
                }
                guard parent.optionalInt64("parent_id") == nil else {
                    throw CommunityError.invalid("Replies are one level deep: answer the comment that starts the thread.")
                }
            }
            let rows = try await connection.query(
                """
                INSERT INTO comments (paper_id, parent_id, user_id, body, body_html, created_at)
                VALUES (\(paperId), \(parentId), \(userId), \(body), \(html), \(now.millisecondsSinceEpoch)) RETURNING id
                """
            )
            _ = try await connection.execute("UPDATE papers SET community_comments = community_comments + 1 WHERE id = \(paperId)")
            let id = rows.first?.optionalInt64("id") ?? 0
            let author = try await connection.query("SELECT username FROM users WHERE id = \(userId)").first?.optionalString("username")
            return Comment(id: id, paperId: paperId, parentId: parentId, author: author, body: body, html: html, createdAt: now)
        }
    }

    /// A comment and the id of its author (nil once the author deleted their account).
    public func comment(id: Int64) async throws -> (comment: Comment, authorId: Int64?)? {
        let rows = try await database.query(
            "SELECT \(unsafeRaw: Self.commentColumns) FROM comments c LEFT JOIN users u ON u.id = c.user_id WHERE c.id = \(id)"
        )
        guard let row = rows.first else { return nil }
        return (try Self.comment(row), row.optionalInt64("user_id"))
    }

    /// Every comment on a paper, oldest first (deleted and hidden ones included: the page shows a notice in their place).
    public func comments(paperId: String) async throws -> [Comment] {
        try await database.query(
            """
            SELECT \(unsafeRaw: Self.commentColumns) FROM comments c LEFT JOIN users u ON u.id = c.user_id
            WHERE c.paper_id = \(paperId) ORDER BY c.created_at, c.id
            """
        ).map(Self.comment)
    }

    public func editComment(id: Int64, body: String, at now: Timestamp) async throws {
        try await database.execute(
            "UPDATE comments SET body = \(body), body_html = \(CommentMarkdown.render(body)), edited_at = \(now.millisecondsSinceEpoch) WHERE id = \(id) AND deleted_at IS NULL"
        )
    }

    /// Removes a comment's text (its replies stay) and takes it out of the paper's count.
    public func deleteComment(id: Int64, at now: Timestamp) async throws {
        try await removeComment(id: id, set: "body = '', body_html = '', deleted_at = \(now.millisecondsSinceEpoch)")
    }

    private func removeComment(id: Int64, set assignment: SQLQuery) async throws {
        try await database.transaction { connection in try await Self.removeComment(id: id, set: assignment, on: connection) }
    }

    static func removeComment(id: Int64, set assignment: SQLQuery, on connection: any SQLConnection) async throws {
        let updated = try await connection.execute(
            "UPDATE comments SET \(assignment) WHERE id = \(id) AND deleted_at IS NULL AND hidden_reason IS NULL"
        )
        if updated > 0 {
            _ = try await connection.execute(
                "UPDATE papers SET community_comments = community_comments - 1 WHERE id = (SELECT paper_id FROM comments WHERE id = \(id))"
            )
        }
    }
}
