import PapersCore
import Storage

/// Posting, editing and deleting comments, with who may do what.
public struct CommentService: Sendable {
    let store: SQLCommentStore
    let clock: @Sendable () -> Timestamp

    public init(store: SQLCommentStore, clock: @escaping @Sendable () -> Timestamp) {
        self.store = store
        self.clock = clock
    }

    public func post(on paperId: String, replyingTo parentId: Int64?, body: String, by user: User) async throws -> Comment {
        let text = try CommentRules.validBody(body)
        return try await store.addComment(paperId: paperId, parentId: parentId, userId: user.id, body: text, at: clock())
    }

    /// Edits one's own comment within the edit window.
    public func edit(_ id: Int64, body: String, by user: User) async throws -> Comment {
        let comment = try await ownComment(id, of: user)
        guard CommentRules.isEditable(comment, now: clock()) else {
            throw CommunityError.forbidden("Comments can be edited for \(CommentRules.editWindowMilliseconds / 60_000) minutes after posting.")
        }
        let text = try CommentRules.validBody(body)
        try await store.editComment(id: id, body: text, at: clock())
        return try await store.comment(id: id)?.comment ?? comment
    }

    /// Deletes one's own comment (its replies stay, under a "deleted" notice).
    public func delete(_ id: Int64, by user: User) async throws -> Comment {
        let comment = try await ownComment(id, of: user)
        try await store.deleteComment(id: id, at: clock())
        return comment
    }

    private func ownComment(_ id: Int64, of user: User) async throws -> Comment {
        guard let found = try await store.comment(id: id) else { throw CommunityError.notFound("There is no comment \(id).") }
        guard found.authorId == user.id else { throw CommunityError.forbidden("Only its author can change this comment.") }
        return found.comment
    }

    /// A paper's thread, oldest first.
    public func thread(of paperId: String) async throws -> [Comment] {
        try await store.comments(paperId: paperId)
    }
}
