import Hummingbird
import PapersCore

/// The controllers of the community features, and which of them answers each of their routes.
struct CommunityControllers: Sendable {
    let accounts: AccountController
    let settings: SettingsController
    let profiles: ProfileController
    let votes: VoteController
    let comments: CommentController
    let submissions: SubmitController
    let moderation: ModerationController
    let organizations: OrganizationController

    func respond(to route: Route, _ request: Request, _ context: AppRequestContext) async throws -> Response? {
        switch route {
            case .signUpForm, .signUp, .logInForm, .logIn, .logOut, .verifyEmailForm, .verifyEmail, .forgotPasswordForm, .forgotPassword,
                 .resetPasswordForm, .resetPassword:
                return try await accounts.respond(to: route, request, context)
            case .settings, .changeSettings, .revokeToken:
                return try await settings.respond(to: route, request, context)
            case .user, .author:
                return try await profiles.respond(to: route, request, context)
            case .paperAction(let id, .upvote): return try await votes.pageVote(id, request, context)
            case .apiUpvote(let id): return try await votes.apiVote(id, upvoted: true, context)
            case .apiRemoveUpvote(let id): return try await votes.apiVote(id, upvoted: false, context)
            case .paperAction(let id, .comment): return try await comments.pagePost(on: id, request, context)
            case .apiComment(let id): return try await comments.apiPost(on: id, parent: nil, request, context)
            case .apiReply(let id, let comment): return try await comments.apiPost(on: id, parent: try CommentController.commentId(comment), request, context)
            case .commentAction(let id, .edit): return try await comments.edit(try CommentController.commentId(id), request, context)
            case .commentAction(let id, .delete): return try await comments.delete(try CommentController.commentId(id), request, context)
            case .submitForm, .submit, .apiSubmit, .apiIndex:
                return try await submissions.respond(to: route, request, context)
            case .moderation, .paperAction(_, .hide), .paperAction(_, .show), .commentAction(_, .hide), .memberAction:
                return try await moderation.respond(to: route, request, context)
            case .newOrganizationForm, .createOrganization, .addOrganizationMember, .paperAction(_, .organization):
                return try await organizations.respond(to: route, request, context)
            default:
                return nil
        }
    }
}
