/// Every address the site answers: pages, forms, feeds and the API. One case per method and path, so the same
/// value registers the handler (`Route(method:path:)` finds it) and prints every link to it (`path`).
public enum Route: Hashable, Sendable {
    // MARK: Pages of papers (GET)
    /// `/`: the latest featured day.
    case home
    /// `/papers`: the same page under HF's address.
    case papers
    case day(Day)
    /// `/papers/date?date=YYYY-MM-DD`: where the archive's date picker sends its day.
    case dayPicker
    /// `/papers/week`: redirects to the latest featured week.
    case latestWeek
    case week(ISOWeek)
    /// `/papers/month`: redirects to the latest featured month.
    case latestMonth
    case month(YearMonth)
    case trending
    case paper(id: String)
    /// `/papers/{id}.md`, which `huggingface_hub`'s `read_paper` fetches.
    case paperMarkdown(id: String)
    /// `/papers/{id}.bib`, `.ris`, `.csl.json`: the paper's citation.
    case paperCitation(id: String, format: CitationFormat)
    case organization(String)
    case user(String)
    case author(String)
    case search
    case moderation
    /// The latest arXiv announcement in the chosen categories (`?category=cs.CL&type=new|cross&date=…`).
    case newPapers
    /// A category's papers, newest first.
    case category(String)
    /// What each paper source did (operators).
    case ingestStatus

    // MARK: Feeds (GET)
    case dailyFeed(FeedFormat)
    case weekFeed(FeedFormat)
    case trendingFeed(FeedFormat)
    case organizationFeed(String, FeedFormat)
    case searchFeed(FeedFormat)
    case newPapersFeed(FeedFormat)
    case categoryFeed(String, FeedFormat)

    // MARK: Forms: the page (GET) and where it posts (POST)
    case signUpForm, signUp
    case logInForm, logIn
    case logOut
    case verifyEmailForm, verifyEmail
    case forgotPasswordForm, forgotPassword
    case resetPasswordForm, resetPassword
    case submitForm, submit
    case newOrganizationForm, createOrganization
    case addOrganizationMember(organization: String)
    case settings
    /// `/settings/export.json`: everything the member has here, as one JSON file.
    case accountExport
    case changeSettings(SettingsAction)
    case revokeToken(id: String)
    case paperAction(id: String, PaperAction)
    case commentAction(id: String, CommentAction)
    case memberAction(name: String, MemberAction)
    case subscribeForm, subscribe
    case confirmSubscriptionForm, confirmSubscription
    case subscriptionSettings, saveSubscription
    case unsubscribeForm, unsubscribe

    // MARK: The reading list
    /// `/saved`: the member's saved papers, with filters and search.
    case saved
    /// `/saved.bib`, `.ris`, `.csl.json`: the reading list's citations.
    case savedCitation(CitationFormat)

    // MARK: Following and "For you"
    /// `/for-you`: the member's papers of the week, ranked for them, each with its reason.
    case forYou
    /// `/following`: what the member follows (GET), and where Follow buttons post (POST).
    case following, changeFollow

    // MARK: Collections
    /// `/collections/{owner}/{words-id}`: a collection's page; its feed; its citation files.
    case collection(slug: String)
    case collectionFeed(slug: String, FeedFormat)
    case collectionCitation(slug: String, format: CitationFormat)
    /// `POST /collections`: a new collection, from a member's form.
    case createCollection
    case collectionAction(slug: String, CollectionAction)

    // MARK: The HF-compatible JSON API
    case apiPage
    case openAPI
    case agentHarnesses
    case apiDailyPapers
    case apiPapers
    case apiPaper(id: String)
    case apiSearch
    case apiSimilar(id: String)
    case apiSubmit
    case apiIndex
    case apiUpvote(id: String)
    case apiRemoveUpvote(id: String)
    case apiComment(id: String)
    case apiReply(id: String, comment: String)
    case apiCollections(CollectionAPI)
    /// `/api/me/for-you`, `/api/me/follows`: the token's member's list and follows.
    case apiForYou
    case apiFollows, apiFollow, apiUnfollow
    /// `/api/whoami-v2`: the token's member, which `create_collection` asks first.
    case apiWhoAmI
    case apiOverview(OverviewKind, name: String)
    case apiRepositories(RepositoryKind)

    // MARK: Machinery
    case health
    /// `/assets/{name}`: the stylesheet and scripts, named by a hash of their content.
    case asset(String)
}

extension Route {
    /// The name of the organization, member and author in `examples`.
    static let exampleName = "example-org"

    /// One route of every case, with values that need escaping where a case takes text: the reserved names are
    /// derived from it, and the tests check that each one prints a path that parses back to itself.
    public static let examples: [Route] = pages + feeds + forms + api + [.health, .asset("site-0123456789ab.css")]

    private static let pages: [Route] =
        [
            .home, .papers, .day(Day(daysSinceEpoch: 20_395)), .dayPicker, .latestWeek, .week(ISOWeek(containing: Day(daysSinceEpoch: 20_395))),
            .latestMonth,
            .month(YearMonth(year: 2025, month: 11)), .trending, .paper(id: "2410.11779"), .paper(id: "quant-ph/0210005"),
            .paperMarkdown(id: "2410.11779"), .paperMarkdown(id: "quant-ph/0210005"), .paperCitation(id: "2410.11779", format: .bibtex),
            .paperCitation(id: "quant-ph/0210005", format: .ris), .paperCitation(id: "2410.11779", format: .cslJSON),
            .organization(exampleName), .user(exampleName),
            .author("Yangyong Zhu / 朱"), .search, .moderation, .newPapers, .category("cs.CL"), .ingestStatus, .collection(slug: exampleSlug),
            .collectionCitation(slug: exampleSlug, format: .bibtex), .saved, .forYou, .following,
        ] + CitationFormat.allCases.map { .savedCitation($0) }

    /// A collection slug for `examples`.
    static let exampleSlug = "\(exampleName)/reading-group-0123456789abcdef01234567"

    private static let feeds: [Route] = FeedFormat.allCases.flatMap { format -> [Route] in
        [
            .dailyFeed(format), .weekFeed(format), .trendingFeed(format), .organizationFeed(exampleName, format), .searchFeed(format),
            .newPapersFeed(format), .categoryFeed("cs.CL", format), .collectionFeed(slug: exampleSlug, format),
        ]
    }

    private static let forms: [Route] =
        [
            .signUpForm, .signUp, .logInForm, .logIn, .logOut, .verifyEmailForm, .verifyEmail, .forgotPasswordForm, .forgotPassword,
            .resetPasswordForm, .resetPassword, .submitForm, .submit, .newOrganizationForm, .createOrganization,
            .addOrganizationMember(organization: exampleName), .settings, .accountExport, .revokeToken(id: "12"),
            .subscribeForm, .subscribe, .confirmSubscriptionForm, .confirmSubscription, .subscriptionSettings, .saveSubscription,
            .unsubscribeForm, .unsubscribe, .changeFollow,
        ] + SettingsAction.allCases.map { .changeSettings($0) }
        + PaperAction.allCases.flatMap { [.paperAction(id: "2410.11779", $0), .paperAction(id: "quant-ph/0210005", $0)] }
        + CommentAction.allCases.map { .commentAction(id: "7", $0) }
        + MemberAction.allCases.map { .memberAction(name: exampleName, $0) }
        + [.createCollection] + CollectionAction.allCases.map { .collectionAction(slug: exampleSlug, $0) }

    private static let api: [Route] =
        [
            .apiPage, .openAPI, .agentHarnesses, .apiDailyPapers, .apiPapers, .apiPaper(id: "2410.11779"), .apiPaper(id: "quant-ph/0210005"),
            .apiSearch, .apiSimilar(id: "2410.11779"), .apiSubmit, .apiIndex, .apiUpvote(id: "2410.11779"), .apiRemoveUpvote(id: "quant-ph/0210005"),
            .apiComment(id: "2410.11779"), .apiReply(id: "2410.11779", comment: "7"), .apiWhoAmI, .apiOverview(.users, name: exampleName),
            .apiOverview(.organizations, name: exampleName), .apiForYou, .apiFollows, .apiFollow, .apiUnfollow,
        ]
        + RepositoryKind.allCases.map { .apiRepositories($0) }
        + [
            CollectionAPI.list, .create, .get(slug: exampleSlug), .update(slug: exampleSlug), .delete(slug: exampleSlug), .addItem(slug: exampleSlug),
            .updateItem(slug: exampleSlug, item: "89abcdef0123456789abcdef"), .deleteItem(slug: exampleSlug, item: "89abcdef0123456789abcdef"),
        ].map { .apiCollections($0) }
}

extension Route {
    /// Every route whose address is fixed text, with that address: parsing and printing both read this one table,
    /// so a page at a fixed address is declared here and nowhere else (a form's page and where it posts share one).
    static let fixedPaths: [Route: String] = {
        var paths: [Route: String] = [
            .home: "/", .papers: "/papers", .dayPicker: "/papers/date", .latestWeek: "/papers/week", .latestMonth: "/papers/month",
            .trending: "/papers/trending", .search: "/papers/search", .newPapers: "/papers/new", .moderation: "/moderation",
            .ingestStatus: "/moderation/ingest", .settings: "/settings", .health: "/healthz", .logOut: "/logout",
            .apiPage: "/api", .openAPI: "/api/openapi.json", .agentHarnesses: "/api/agent-harnesses", .apiDailyPapers: "/api/daily_papers",
            .apiPapers: "/api/papers", .apiSearch: "/api/papers/search", .apiSubmit: "/api/papers/submit", .apiIndex: "/api/papers/index",
            .apiWhoAmI: "/api/whoami-v2", .createCollection: "/collections", .saved: "/saved",
            .accountExport: "/settings/export.json", .forYou: "/for-you", .apiForYou: "/api/me/for-you",
            .apiFollows: "/api/me/follows", .apiFollow: "/api/me/follows", .apiUnfollow: "/api/me/follows",
        ]
        for format in CitationFormat.allCases { paths[.savedCitation(format)] = "/saved." + format.fileExtension }
        let forms: [(page: Route, post: Route, path: String)] = [
            (.signUpForm, .signUp, "/signup"), (.logInForm, .logIn, "/login"), (.verifyEmailForm, .verifyEmail, "/verify-email"),
            (.forgotPasswordForm, .forgotPassword, "/forgot-password"), (.resetPasswordForm, .resetPassword, "/reset-password"),
            (.submitForm, .submit, "/papers/submit"), (.newOrganizationForm, .createOrganization, "/organizations/new"),
            (.subscribeForm, .subscribe, "/subscribe"), (.confirmSubscriptionForm, .confirmSubscription, "/subscribe/confirm"),
            (.subscriptionSettings, .saveSubscription, "/subscription"), (.unsubscribeForm, .unsubscribe, "/unsubscribe"),
            (.following, .changeFollow, "/following"),
        ]
        for form in forms {
            paths[form.page] = form.path
            paths[form.post] = form.path
        }
        for format in FeedFormat.allCases {
            let file = feedFile(format)
            paths[.dailyFeed(format)] = "/papers/" + file
            paths[.weekFeed(format)] = "/papers/week/" + file
            paths[.trendingFeed(format)] = "/papers/trending/" + file
            paths[.searchFeed(format)] = "/papers/search/" + file
            paths[.newPapersFeed(format)] = "/papers/new/" + file
        }
        return paths
    }()
}
