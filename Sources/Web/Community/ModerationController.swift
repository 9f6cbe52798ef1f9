import Community
import Hummingbird
import PapersCore
import Storage

/// Hiding papers and comments, banning members, setting roles, and the moderation log.
struct ModerationController: Sendable {
    let community: CommunityFeatures

    private var moderation: ModerationService { community.moderation }

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/moderation") { _, _ in
            let (log, hidden) = try await moderation.overview(for: Viewer.current?.user)
            return Pages.html(CommunityPageViews.moderation(log: log, hidden: hidden))
        }
        router.onPaper(.post, "/papers/{id}/hide") { id, request, context in
            let (moderator, fields) = try await moderatorForm(request, context)
            try await moderation.hidePaper(id, reason: try reason(fields), by: moderator)
            return Responses.redirect(to: "/moderation").response
        }
        router.onPaper(.post, "/papers/{id}/show") { id, request, context in
            let (moderator, _) = try await moderatorForm(request, context)
            try await moderation.showPaper(id, by: moderator)
            return Responses.redirect(to: SiteRoute.paper(id: id).path).response
        }
        router.post("/comments/:comment/hide") { request, context in
            let (moderator, fields) = try await moderatorForm(request, context)
            let id = try CommentController.commentId(try context.parameters.require("comment"))
            let paperId = try await moderation.hideComment(id, reason: try reason(fields), by: moderator)
            return Responses.redirect(to: SiteRoute.paper(id: paperId).path + "#comment-\(id)").response
        }
        router.post("/users/:name/ban") { request, context in try await setBanned(true, request, context) }
        router.post("/users/:name/unban") { request, context in try await setBanned(false, request, context) }
        router.post("/users/:name/role") { request, context in
            let (admin, fields) = try await moderatorForm(request, context)
            guard let role = UserRole(rawValue: fields["role"] ?? "") else { throw PageError.badRequest("Choose user, moderator or admin.") }
            let user = try await target(context)
            try await moderation.setRole(role, of: user, by: admin)
            return Responses.redirect(to: SiteRoute.user(user.username).path).response
        }
    }

    private func setBanned(_ banned: Bool, _ request: Request, _ context: AppRequestContext) async throws -> Response {
        let (moderator, _) = try await moderatorForm(request, context)
        let user = try await target(context)
        try await moderation.setBanned(banned, user, by: moderator)
        return Responses.redirect(to: SiteRoute.user(user.username).path).response
    }

    private func moderatorForm(_ request: Request, _ context: AppRequestContext) async throws -> (User, [String: String]) {
        let session = try Guards.moderator(request, context)
        return (session.user, try await Guards.form(request, context))
    }

    private func target(_ context: AppRequestContext) async throws -> User {
        let name = try context.parameters.require("name")
        guard let user = try await community.accounts.user(named: name) else { throw PageError.notFound("There is no member called \(name).") }
        return user
    }

    private func reason(_ fields: [String: String]) throws -> HideReason {
        guard let reason = HideReason(rawValue: fields["reason"] ?? "") else {
            throw PageError.badRequest("Give a reason: \(HideReason.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
        return reason
    }
}
