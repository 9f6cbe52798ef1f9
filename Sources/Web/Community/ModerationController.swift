import Community
import Hummingbird
import PapersCore
import Storage

/// Hiding papers and comments, banning members, setting roles, and the moderation log.
struct ModerationController: Sendable {
    let community: CommunityFeatures
    let clock: @Sendable () -> Timestamp

    private var store: SQLCommunityStore { community.store }

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/moderation") { _, _ in
            let hidden = Viewer.current?.user.role.canModerate == true ? try await store.hiddenPapers(limit: 200) : []
            return Pages.html(CommunityPageViews.moderation(log: try await store.moderationLog(limit: 200), hidden: hidden))
        }
        router.onPaper(.post, "/papers/{id}/hide") { id, request, context in
            let (moderator, fields) = try await moderatorForm(request, context)
            try await store.hidePaper(id: id, reason: try reason(fields), moderator: moderator.username, at: clock())
            return Responses.redirect(to: "/moderation").response
        }
        router.onPaper(.post, "/papers/{id}/show") { id, request, context in
            let (moderator, _) = try await moderatorForm(request, context)
            try await store.showPaper(id: id, moderator: moderator.username, at: clock())
            return Responses.redirect(to: SiteRoute.paper(id: id).path).response
        }
        router.post("/comments/:comment/hide") { request, context in
            let (moderator, fields) = try await moderatorForm(request, context)
            let id = try CommentController.commentId(try context.parameters.require("comment"))
            guard let found = try await store.comment(id: id) else { throw PageError.notFound("There is no comment \(id).") }
            let why = try reason(fields)
            try await store.hideComment(id: id, reason: why)
            try await store.logModeration(.hideComment, target: "comment \(id) on \(found.comment.paperId)", reason: why.rawValue, moderator: moderator.username, at: clock())
            return Responses.redirect(to: SiteRoute.paper(id: found.comment.paperId).path + "#comment-\(id)").response
        }
        router.post("/users/:name/ban") { request, context in try await setBanned(true, request, context) }
        router.post("/users/:name/unban") { request, context in try await setBanned(false, request, context) }
        router.post("/users/:name/role") { request, context in
            let (admin, fields) = try await moderatorForm(request, context)
            guard admin.role == .admin else { throw PageError(status: .forbidden, message: "Only admins can change roles.") }
            guard let role = UserRole(rawValue: fields["role"] ?? "") else { throw PageError.badRequest("Choose user, moderator or admin.") }
            let user = try await target(context)
            guard user.id != admin.id else { throw PageError.badRequest("Admins cannot change their own role.") }
            try await store.setRole(userId: user.id, role: role)
            try await store.logModeration(.setRole, target: user.username, reason: role.rawValue, moderator: admin.username, at: clock())
            return Responses.redirect(to: SiteRoute.user(user.username).path).response
        }
    }

    private func setBanned(_ banned: Bool, _ request: Request, _ context: AppRequestContext) async throws -> Response {
        let (moderator, _) = try await moderatorForm(request, context)
        let user = try await target(context)
        guard user.id != moderator.id else { throw PageError.badRequest("You cannot ban yourself.") }
        guard user.role < moderator.role || moderator.role == .admin else {
            throw PageError(status: .forbidden, message: "Only an admin can ban a \(user.role.rawValue).")
        }
        try await store.setBanned(userId: user.id, banned, at: clock())
        try await store.logModeration(banned ? .banUser : .unbanUser, target: user.username, reason: nil, moderator: moderator.username, at: clock())
        return Responses.redirect(to: SiteRoute.user(user.username).path).response
    }

    private func moderatorForm(_ request: Request, _ context: AppRequestContext) async throws -> (User, [String: String]) {
        let session = try Guards.moderator(request, context)
        return (session.user, try await Guards.form(request, context))
    }

    private func target(_ context: AppRequestContext) async throws -> User {
        let name = try context.parameters.require("name")
        guard let user = try await store.user(named: name) else { throw PageError.notFound("There is no member called \(name).") }
        return user
    }

    private func reason(_ fields: [String: String]) throws -> HideReason {
        guard let reason = HideReason(rawValue: fields["reason"] ?? "") else {
            throw PageError.badRequest("Give a reason: \(HideReason.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
        return reason
    }
}
