import PapersCore
import Storage

/// What moderators and admins may do — hide and show papers, hide comments, ban members, set roles — each change
/// written together with its moderation-log entry in one transaction.
public struct ModerationService: Sendable {
    let store: SQLModerationStore
    let comments: SQLCommentStore
    let clock: @Sendable () -> Timestamp

    public init(store: SQLModerationStore, comments: SQLCommentStore, clock: @escaping @Sendable () -> Timestamp) {
        self.store = store
        self.comments = comments
        self.clock = clock
    }

    /// The log, newest first, and (for moderators) the hidden papers.
    public func overview(
        for viewer: User?, limit: Int = 200
    ) async throws -> (log: [ModerationEntry], hidden: [(id: String, title: String, reason: String)]) {
        let hidden = viewer?.role.canModerate == true ? try await store.hiddenPapers(limit: limit) : []
        return (try await store.moderationLog(limit: limit), hidden)
    }

    public func hidePaper(_ id: String, reason: HideReason, by moderator: User) async throws {
        try requireModerator(moderator)
        try await store.hidePaper(id: id, reason: reason, moderator: moderator.username, at: clock())
    }

    public func showPaper(_ id: String, by moderator: User) async throws {
        try requireModerator(moderator)
        try await store.showPaper(id: id, moderator: moderator.username, at: clock())
    }

    /// Hides a comment; returns the paper it was on.
    public func hideComment(_ id: Int64, reason: HideReason, by moderator: User) async throws -> String {
        try requireModerator(moderator)
        guard let found = try await comments.comment(id: id) else { throw CommunityError.notFound("There is no comment \(id).") }
        try await store.hideComment(id: id, on: found.comment.paperId, reason: reason, moderator: moderator.username, at: clock())
        return found.comment.paperId
    }

    /// Bans or unbans `user`: moderators may ban members, only admins may ban moderators and admins; nobody themselves.
    public func setBanned(_ banned: Bool, _ user: User, by moderator: User) async throws {
        try requireModerator(moderator)
        guard user.id != moderator.id else { throw CommunityError.invalid("You cannot ban yourself.") }
        guard user.role < moderator.role || moderator.role == .admin else {
            throw CommunityError.forbidden("Only an admin can ban a \(user.role.rawValue).")
        }
        try await store.setBanned(user, banned, moderator: moderator.username, at: clock())
    }

    /// Gives `user` a role: admins only, and never their own.
    public func setRole(_ role: UserRole, of user: User, by admin: User) async throws {
        guard admin.role == .admin else { throw CommunityError.forbidden("Only admins can change roles.") }
        guard user.id != admin.id else { throw CommunityError.invalid("Admins cannot change their own role.") }
        try await store.setRole(of: user, to: role, moderator: admin.username, at: clock())
    }

    private func requireModerator(_ user: User) throws {
        guard user.role.canModerate else { throw CommunityError.forbidden("Only moderators can do this.") }
    }
}
