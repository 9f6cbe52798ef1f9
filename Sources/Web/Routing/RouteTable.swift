import Hummingbird
import PapersCore

/// The one place requests meet handlers: every `Route` names the controller that answers it. The switch is
/// exhaustive, so a new route does not compile until it has a handler; nothing else registers one.
///
/// It runs as the innermost middleware: routing is `Route(method:path:)`, the same type that prints every link.
/// A route whose feature is off on this server (no mail, no accounts) answers 404 like an unknown address.
struct RouteTable: RouterMiddleware {
    typealias Context = AppRequestContext

    let pages: PageController
    let feeds: FeedController
    let listings: ListingController
    let api: APIController
    let search: SearchController?
    let subscriptions: SubscriptionController?
    let community: CommunityControllers?
    let health: @Sendable () async throws -> Response

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if let error = context.routeError { throw PageError.badRequest(error.message) }
        guard let route = context.route, let response = try await respond(to: route, request, context) else {
            return try await next(request, context)
        }
        return request.method == .head ? response.createHeadResponse() : response
    }

    private func respond(to route: Route, _ request: Request, _ context: Context) async throws -> Response? {
        switch route {
            case .home, .papers, .day, .dayPicker, .latestWeek, .week, .latestMonth, .month, .trending, .paper, .paperMarkdown, .organization:
                return try await pages.respond(to: route, request, context)
            case .dailyFeed, .weekFeed, .trendingFeed, .organizationFeed:
                return try await feeds.respond(to: route, request)
            case .newPapers, .newPapersFeed, .category, .categoryFeed, .ingestStatus:
                return try await listings.respond(to: route, request, context)
            case .apiPage, .openAPI, .agentHarnesses, .apiDailyPapers, .apiPapers, .apiPaper:
                return try await api.respond(to: route, request, context)
            case .search, .searchFeed, .apiSearch, .apiSimilar:
                return try await search?.respond(to: route, request, context)
            case .subscribeForm, .subscribe, .confirmSubscriptionForm, .confirmSubscription, .subscriptionSettings, .saveSubscription,
                 .unsubscribeForm, .unsubscribe:
                return try await subscriptions?.respond(to: route, request, context)
            case .health:
                return try await health()
            case .asset(let name):
                return Assets.response(named: name)
            case .signUpForm, .signUp, .logInForm, .logIn, .logOut, .verifyEmailForm, .verifyEmail, .forgotPasswordForm, .forgotPassword,
                 .resetPasswordForm, .resetPassword, .settings, .changeSettings, .revokeToken, .user, .author, .moderation, .submitForm,
                 .submit, .apiSubmit, .apiIndex, .newOrganizationForm, .createOrganization, .addOrganizationMember, .paperAction,
                 .commentAction, .memberAction, .apiUpvote, .apiRemoveUpvote, .apiComment, .apiReply:
                return try await community?.respond(to: route, request, context)
        }
    }
}
