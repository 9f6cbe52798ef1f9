import Community
import Hummingbird
import PapersCore
import Storage

/// Hiding papers and comments, banning members, setting roles, and the moderation log.
struct ModerationController: Sendable {
    let community: CommunityFeatures

    private var moderation: ModerationService { community.moderation }

    func overview(_ context: AppRequestContext) async throws -> Response {
        let (log, hidden) = try await moderation.overview(for: context.session?.user)
        return Pages.html(CommunityPageViews.moderation(log: log, hidden: hidden, viewer: context.viewer))
    }

    func hidePaper(_ id: String, _ request: Request, _ context: AppRequestContext) async throws -> Response {
        let (moderator, fields) = try await moderatorForm(request, context)
        try await moderation.hidePaper(id, reason: try reason(fields), by: moderator)
        return Responses.redirect(to: Route.moderation.path).response
    }

    func showPaper(_ id: String, _ request: Request, _ context: AppRequestContext) async throws -> Response {
        let (moderator, _) = try await moderatorForm(request, context)
        try await moderation.showPaper(id, by: moderator)
        return Responses.redirect(to: Route.paper(id: id).path).response
    }

    func hideComment(_ text: String, _ request: Request, _ context: AppRequestContext) async throws -> Response {
        let (moderator, fields) = try await moderatorForm(request, context)
        let id = try CommentController.commentId(text)
        let paperId = try await moderation.hideComment(id, reason: try reason(fields), by: moderator)
        return Responses.redirect(to: Route.paper(id: paperId).path + "#comment-\(id)").response
    }

    func setRole(_ name: String, _ request: Request, _ context: AppRequestContext) async throws -> Response {
        let (admin, fields) = try await moderatorForm(request, context)
        guard let role = UserRole(rawValue: fields["role"] ?? "") else { throw PageError.badRequest("Choose user, moderator or admin.") }
        let user = try await target(name)
        try await moderation.setRole(role, of: user, by: admin)
        return Responses.redirect(to: Route.user(user.username).path).response
    }

    func setBanned(_ banned: Bool, _ name: String, _ request: Request, _ context: AppRequestContext) async throws -> Response {
        let (moderator, _) = try await moderatorForm(request, context)
        let user = try await target(name)
        try await moderation.setBanned(banned, user, by: moderator)
        return Responses.redirect(to: Route.user(user.username).path).response
    }

    private func moderatorForm(_ request: Request, _ context: AppRequestContext) async throws -> (User, [String: String]) {
        let session = try Guards.moderator(request, context)
        return (session.user, try await Guards.form(request, context))
    }

    private func target(_ name: String) async throws -> User {
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
