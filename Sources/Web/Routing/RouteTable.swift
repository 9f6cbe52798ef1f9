import Hummingbird
import PapersCore

/// The one place requests meet handlers: one exhaustive `switch` from each `Route` to the handler that answers it,
/// so a new route does not compile until it has one, and nothing else registers a handler. A cacheable route is
/// answered through `cached`, keyed as its `CachePolicy` (`Route.caching`, at the end of this file) declares.
///
/// It runs as the innermost middleware: routing is `Route(method:path:)`, the same type that prints every link.
struct RouteTable: RouterMiddleware {
    typealias Context = AppRequestContext

    let handlers: RouteHandlers
    let cache: ResponseCache
    let keys: CacheKeys

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if let error = context.routeError { throw PageError.badRequest(error.message) }
        guard let route = context.route else { return try await next(request, context) }
        let response = try await respond(to: route, request, context)
        return request.method == .head ? response.createHeadResponse() : response
    }

    // One line a route: the table is long by design, since it is the whole site.
    // swiftlint:disable:next cyclomatic_complexity function_body_length
    private func respond(to route: Route, _ request: Request, _ context: Context) async throws -> Response {
        let (h, viewer) = (handlers, context.viewer)
        switch route {
            case .home, .papers: return try await cached(route, request, viewer) { try await h.pages.latestDay(request, quiet: $0.quietDay, viewer) }
            case .day(let day): return try await cached(route, request, viewer) { _ in try await h.pages.feed(.day(day), request, viewer) }
            case .week(let week): return try await cached(route, request, viewer) { _ in try await h.pages.feed(.week(week), request, viewer) }
            case .month(let month): return try await cached(route, request, viewer) { _ in try await h.pages.feed(.month(month), request, viewer) }
            case .dayPicker: return try h.pages.dayPicked(request).response
            case .latestWeek: return try await h.pages.redirectToLatest { .week(ISOWeek(containing: $0)) }.response
            case .latestMonth: return try await h.pages.redirectToLatest { .month(YearMonth(year: $0.year, month: $0.month)) }.response
            case .trending: return try await cached(route, request, viewer) { _ in try await h.pages.trending(request, viewer) }
            case .paper(let id):
                return try await cached(route, request, viewer) { _ in
                    try await h.pages.paper(id, markdown: PageController.wantsMarkdown(request), viewer)
                }
            case .paperMarkdown(let id): return try await cached(route, request, viewer) { _ in try await h.pages.paper(id, markdown: true, viewer) }
            case .paperCitation(let id, let format):
                return try await cached(route, request, viewer) { _ in try await h.citations.paper(id, format: format) }
            case .organization(let name):
                return try await cached(route, request, viewer) { _ in try await h.pages.organization(name, request, viewer) }
            case .user(let name): return try await cached(route, request, viewer) { _ in try await h.profiles.user(name, viewer) }
            case .author(let name):
                return try await cached(route, request, viewer) { _ in try await h.profiles.author(name, request, viewer) }
            case .search: return try await h.search.page(request, viewer: viewer)
            case .moderation: return try await h.moderation.overview(context)
            case .newPapers: return try await cached(route, request, viewer) { try await h.listings.newPapers(request, quiet: $0.quietDay, viewer) }
            case .category(let name): return try await cached(route, request, viewer) { _ in try await h.listings.category(name, request, viewer) }
            case .ingestStatus: return try await h.listings.ingestStatus(request, context)

            case .dailyFeed(let format): return try await feed(format, route, request) { try await h.feeds.daily(route) }
            case .weekFeed(let format): return try await feed(format, route, request) { try await h.feeds.weekly(route) }
            case .trendingFeed(let format): return try await feed(format, route, request) { try await h.feeds.trending(route) }
            case .organizationFeed(let name, let format):
                return try await feed(format, route, request) { try await h.feeds.organization(name, route) }
            case .searchFeed(let format): return try await h.search.feed(request, format: format)
            case .newPapersFeed(let format):
                return try await feed(format, route, request) { try await h.listings.newPapersFeed(request, route: route) }
            case .categoryFeed(let name, let format):
                return try await feed(format, route, request) { try await h.listings.categoryFeed(name, route: route) }

            case .signUpForm: return try h.accounts.signUpForm(request, context)
            case .signUp: return try await h.accounts.signUp(request, context)
            case .logInForm: return try h.accounts.logInForm(request, context)
            case .logIn: return try await h.accounts.logIn(request, context)
            case .logOut: return try await h.accounts.logOut(request, context)
            case .verifyEmailForm: return try h.accounts.verifyEmailForm(request, context)
            case .verifyEmail: return try await h.accounts.verifyEmail(request, context)
            case .forgotPasswordForm: return try h.accounts.forgotPasswordForm(request, context)
            case .forgotPassword: return try await h.accounts.forgotPassword(request, context)
            case .resetPasswordForm: return try h.accounts.resetPasswordForm(request, context)
            case .resetPassword: return try await h.accounts.resetPassword(request, context)
            case .submitForm: return try h.submissions.form(request, context)
            case .submit: return try await h.submissions.pageSubmit(request, context)
            case .newOrganizationForm: return try h.organizations.newForm(request, context)
            case .createOrganization: return try await h.organizations.create(request, context)
            case .addOrganizationMember(let name): return try await h.organizations.setMember(of: name, request, context)
            case .settings: return try await h.settings.settings(request, context)
            case .changeSettings(let action): return try await h.settings.change(action, request, context)
            case .revokeToken(let id): return try await h.settings.revoke(id, request, context)
            case .paperAction(let id, .upvote): return try await h.votes.pageVote(id, request, context)
            case .paperAction(let id, .comment): return try await h.comments.pagePost(on: id, request, context)
            case .paperAction(let id, .organization): return try await h.organizations.attribute(id, request, context)
            case .paperAction(let id, .hide): return try await h.moderation.hidePaper(id, request, context)
            case .paperAction(let id, .show): return try await h.moderation.showPaper(id, request, context)
            case .paperAction(let id, .dismiss): return try await h.forYou.dismiss(id, request, context)
            case .paperAction(let id, let action): return try await h.readingList.act(id, action, request, context)
            case .forYou: return try await h.forYou.page(request, context)
            case .following: return try await h.follows.page(request, context)
            case .changeFollow: return try await h.follows.change(request, context)
            case .saved: return try await h.readingList.page(request, context)
            case .accountExport: return try await h.readingList.export(request, context)
            case .savedCitation(let format): return try await h.readingList.citation(format, request, context)
            case .commentAction(let id, .edit): return try await h.comments.edit(try CommentController.commentId(id), request, context)
            case .commentAction(let id, .delete): return try await h.comments.delete(try CommentController.commentId(id), request, context)
            case .commentAction(let id, .hide): return try await h.moderation.hideComment(id, request, context)
            case .memberAction(let name, .ban): return try await h.moderation.setBanned(true, name, request, context)
            case .memberAction(let name, .unban): return try await h.moderation.setBanned(false, name, request, context)
            case .memberAction(let name, .role): return try await h.moderation.setRole(name, request, context)
            case .subscribeForm: return try h.subscriptions.showSubscribe(request, context)
            case .subscribe: return try await h.subscriptions.subscribe(request, context: context)
            case .confirmSubscriptionForm: return try h.subscriptions.confirmForm(request, context)
            case .confirmSubscription: return try await h.subscriptions.confirm(request, context)
            case .subscriptionSettings: return try await h.subscriptions.showSettings(request, context)
            case .saveSubscription: return try await h.subscriptions.saveSettings(request, context)
            case .unsubscribeForm: return try h.subscriptions.unsubscribeForm(request, context)
            case .unsubscribe: return try await h.subscriptions.unsubscribe(request, context)

            case .apiPage: return Responses.html(APIPageView.render(viewer: viewer)).response
            case .openAPI: return APIController.openAPI.response
            case .agentHarnesses: return try Responses.json(AgentHarnesses()).response
            case .apiDailyPapers: return try await cached(route, request, viewer) { _ in try await h.api.dailyPapers(request) }
            case .apiPapers: return try await cached(route, request, viewer) { _ in try await h.api.papers(request) }
            case .apiPaper(let id): return try await cached(route, request, viewer) { _ in try await h.api.paper(id) }
            case .apiSearch: return try await h.search.api(request).response
            case .apiSimilar(let id): return try await h.search.similar(id, request).response
            case .apiSubmit: return try await h.submissions.apiSubmit(request, context)
            case .apiIndex: return try await h.submissions.apiIndex(request, context)
            case .apiUpvote(let id): return try await h.votes.apiVote(id, upvoted: true, context)
            case .apiRemoveUpvote(let id): return try await h.votes.apiVote(id, upvoted: false, context)
            case .apiComment(let id): return try await h.comments.apiPost(on: id, parent: nil, request, context)
            case .apiReply(let id, let comment):
                return try await h.comments.apiPost(on: id, parent: try CommentController.commentId(comment), request, context)

            case .collection(let slug): return try await h.collections.page(slug, request, context)
            case .collectionFeed(let slug, let format): return try await feed(format, route, request) { try await h.collections.feed(slug, route) }
            case .collectionCitation(let slug, let format): return try await h.collections.citation(slug, format: format, context)
            case .createCollection: return try await h.collections.create(request, context)
            case .collectionAction(let slug, let action): return try await h.collections.act(slug, action, request, context)
            case .apiCollections(let call): return try await h.collectionAPI.respond(to: call, request, context)
            case .apiWhoAmI: return try await h.collectionAPI.whoAmI(context)
            case .apiForYou: return try await h.forYou.api(request, context)
            case .apiFollows: return try await h.follows.list(context)
            case .apiFollow: return try await h.follows.follow(request, context)
            case .apiUnfollow: return try await h.follows.unfollow(request, context)
            case .apiOverview(let kind, let name): return try await h.collectionAPI.overview(kind, name: name, context)
            case .apiRepositories: return try Responses.json([String]()).response

            case .health: return try await h.health()
            case .asset(let name): return try available(Assets.response(named: name))
        }
    }

    /// The answer from the response cache, or rendered and kept there, under the key `CacheKeys` derives for the
    /// route; rendered fresh when the route is not cached for this request (a member's page).
    private func cached(
        _ route: Route, _ request: Request, _ viewer: Viewer?, render: (CacheKeys.Variant) async throws -> Rendered
    ) async throws -> Response {
        let wantsMarkdown = PageController.wantsMarkdown(request)
        guard let variant = keys.variant(of: route, uri: request.uri, member: viewer != nil, wantsMarkdown: wantsMarkdown) else {
            // Uncached, but the notice is still the calendar's: members see it too.
            let quiet = route.caching?.calendar == true ? keys.quietDay() : nil
            return try await render(CacheKeys.Variant(key: "", quietDay: quiet)).response
        }
        return try await cache.response(for: variant.key) { try await render(variant) }
    }

    /// A feed: cached for everyone, with `ETag` and `Last-Modified`, and 304 when the client has it already.
    private func feed(_ format: FeedFormat, _ route: Route, _ request: Request, build: () async throws -> SyndicationFeed) async throws -> Response {
        let response = try await cached(route, request, nil) { _ in FeedResponses.render(try await build(), format) }
        return ConditionalGET.isNotModified(request, response) ? ConditionalGET.notModified(response) : response
    }

    /// An asset this server has, else the 404 of an address no route has.
    private func available(_ asset: Response?) throws -> Response {
        guard let asset else { throw HTTPError(.notFound) }
        return asset
    }
}

extension Route {
    /// How the route's answer is cached; nil when it never is (forms, writes, search, member pages). Beside the
    /// handlers, so a route's handler and its caching are declared together.
    var caching: CachePolicy? {
        switch self {
            case .home, .papers: .page(["p", "has"], calendar: true)
            case .day, .week, .month: .page(["p", "has"])
            case .trending, .organization, .author, .category: .page(["p"])
            case .paper: .page(markdownByAccept: true)
            case .paperMarkdown, .user: .page()
            case .newPapers: .page(["category", "type", "date", "p"], calendar: true)
            case .dailyFeed, .weekFeed, .trendingFeed, .organizationFeed, .categoryFeed, .collectionFeed: .shared()
            case .newPapersFeed: .shared(["category", "type"])
            case .apiDailyPapers: .shared(Array(DailyPapersParameters.names))
            case .apiPapers: .shared(["cursor", "limit"])
            case .apiPaper, .paperCitation: .shared()
            case .dayPicker, .latestWeek, .latestMonth, .search, .moderation, .ingestStatus, .searchFeed, .signUpForm, .signUp,
                .logInForm, .logIn, .logOut, .verifyEmailForm, .verifyEmail, .forgotPasswordForm, .forgotPassword, .resetPasswordForm,
                .resetPassword, .submitForm, .submit, .newOrganizationForm, .createOrganization, .addOrganizationMember, .settings,
                .changeSettings, .revokeToken, .paperAction, .commentAction, .memberAction, .subscribeForm, .subscribe,
                .confirmSubscriptionForm, .confirmSubscription, .subscriptionSettings, .saveSubscription, .unsubscribeForm, .unsubscribe,
                .apiPage, .openAPI, .agentHarnesses, .apiSearch, .apiSimilar, .apiSubmit, .apiIndex, .apiUpvote, .apiRemoveUpvote,
                .apiComment, .apiReply, .health, .asset, .collection, .collectionCitation, .createCollection, .collectionAction, .apiCollections,
                .apiWhoAmI, .apiOverview, .apiRepositories, .saved, .savedCitation, .accountExport, .forYou, .following, .changeFollow,
                .apiForYou, .apiFollows, .apiFollow, .apiUnfollow:
                nil
        }
    }
}
