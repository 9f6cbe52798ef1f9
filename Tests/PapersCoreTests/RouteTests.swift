import PapersCore
import Testing

/// The route type prints every link and finds every handler, so the two must agree.
@Suite struct RouteTests {
    /// An exhaustive switch: a new case does not compile here until it has a number, and `examples` must cover it.
    static func caseNumber(_ route: Route) -> Int {
        switch route {
            case .home: 0
            case .papers: 1
            case .day: 2
            case .latestWeek: 3
            case .week: 4
            case .latestMonth: 5
            case .month: 6
            case .trending: 7
            case .paper: 8
            case .paperMarkdown: 9
            case .organization: 10
            case .user: 11
            case .author: 12
            case .search: 13
            case .moderation: 14
            case .dailyFeed: 15
            case .weekFeed: 16
            case .trendingFeed: 17
            case .organizationFeed: 18
            case .searchFeed: 19
            case .signUpForm: 20
            case .signUp: 21
            case .logInForm: 22
            case .logIn: 23
            case .logOut: 24
            case .verifyEmailForm: 25
            case .verifyEmail: 26
            case .forgotPasswordForm: 27
            case .forgotPassword: 28
            case .resetPasswordForm: 29
            case .resetPassword: 30
            case .submitForm: 31
            case .submit: 32
            case .newOrganizationForm: 33
            case .createOrganization: 34
            case .addOrganizationMember: 35
            case .settings: 36
            case .changeSettings: 37
            case .revokeToken: 38
            case .paperAction: 39
            case .commentAction: 40
            case .memberAction: 41
            case .subscribeForm: 42
            case .subscribe: 43
            case .confirmSubscriptionForm: 44
            case .confirmSubscription: 45
            case .subscriptionSettings: 46
            case .saveSubscription: 47
            case .unsubscribeForm: 48
            case .unsubscribe: 49
            case .apiPage: 50
            case .openAPI: 51
            case .agentHarnesses: 52
            case .apiDailyPapers: 53
            case .apiPapers: 54
            case .apiPaper: 55
            case .apiSearch: 56
            case .apiSimilar: 57
            case .apiSubmit: 58
            case .apiIndex: 59
            case .apiUpvote: 60
            case .apiRemoveUpvote: 61
            case .apiComment: 62
            case .apiReply: 63
            case .health: 64
            case .asset: 65
            case .newPapers: 66
            case .category: 67
            case .ingestStatus: 68
            case .newPapersFeed: 69
            case .categoryFeed: 70
            case .dayPicker: 71
            case .paperCitation: 72
            case .collection: 73
            case .collectionFeed: 74
            case .collectionCitation: 75
            case .createCollection: 76
            case .collectionAction: 77
            case .apiCollections: 78
            case .apiWhoAmI: 79
            case .apiOverview: 80
            case .apiRepositories: 81
            case .saved: 82
            case .savedCitation: 83
            case .accountExport: 84
            case .forYou: 85
            case .following: 86
            case .changeFollow: 87
            case .apiForYou: 88
            case .apiFollows: 89
            case .apiFollow: 90
            case .apiUnfollow: 91
        }
    }

    @Test func theExamplesCoverEveryCase() {
        #expect(Set(Route.examples.map(Self.caseNumber)) == Set(0...91))
    }

    @Test(arguments: Route.examples)
    func everyRouteParsesBackFromItsPath(_ route: Route) throws {
        #expect(try Route(method: route.method, path: route.path) == route, "\(route.method.rawValue) \(route.path)")
    }

    @Test func noTwoRoutesShareAMethodAndPath() {
        let keys = Route.examples.map { "\($0.method.rawValue) \($0.path)" }
        #expect(Set(keys).count == keys.count)
    }

    @Test func fixedPathsWinOverValues() throws {
        #expect(try Route(method: .get, path: "/papers/trending") == .trending)
        #expect(try Route(method: .get, path: "/papers/submit") == .submitForm)
        #expect(try Route(method: .get, path: "/papers/2410.11779.md") == .paperMarkdown(id: "2410.11779"))
        #expect(try Route(method: .get, path: "/papers/2410.11779.bib") == .paperCitation(id: "2410.11779", format: .bibtex))
        #expect(try Route(method: .get, path: "/papers/hep-th/9901001.ris") == .paperCitation(id: "hep-th/9901001", format: .ris))
        #expect(try Route(method: .get, path: "/papers/2410.11779.csl.json") == .paperCitation(id: "2410.11779", format: .cslJSON))
        #expect(try Route(method: .get, path: "/papers/.bib") == .paper(id: ".bib"))
        #expect(try Route(method: .get, path: "/api/papers/search") == .apiSearch)
        #expect(try Route(method: .get, path: "/nvidia/feed.rss") == .organizationFeed("nvidia", .rss))
        #expect(try Route(method: .post, path: "/nvidia/members") == .addOrganizationMember(organization: "nvidia"))
        #expect(try Route(method: .get, path: "/authors/Yangyong%20Zhu") == .author("Yangyong Zhu"))
    }

    @Test func wrongMethodsAndUnknownPathsNameNoRoute() throws {
        #expect(try Route(method: .get, path: "/logout") == nil)
        #expect(try Route(method: .post, path: "/papers/2410.11779") == nil)
        #expect(try Route(method: .delete, path: "/papers/2410.11779/upvote") == nil)
        #expect(try Route(method: .get, path: "/papers/a/b/c") == nil)
        #expect(try Route(method: .get, path: "/users//x") == nil)
    }

    @Test func badValuesAreNamedInTheError() {
        #expect(throws: RouteError(message: "'2025-13-01' is not a date: use YYYY-MM-DD.")) {
            try Route(method: .get, path: "/papers/date/2025-13-01")
        }
        #expect(throws: RouteError.self) { try Route(method: .get, path: "/users/%zz") }
    }

    @Test func everyFixedFirstSegmentIsReservedAndOrganizationsAreNot() {
        for name in [
            "papers", "api", "users", "authors", "settings", "signup", "login", "logout", "moderation", "organizations", "healthz", "assets",
            "comments", "subscribe", "subscription", "unsubscribe", "verify-email", "forgot-password", "reset-password",
        ] {
            #expect(Route.reservedNames.contains(name), "\(name)")
        }
        #expect(!Route.reservedNames.contains("nvidia"))
        #expect(AccountRules.reservedNames == Route.reservedNames)
    }

    @Test func absoluteLinksComeFromThePublicAddress() {
        let site = SiteAddress("https://papers.example.org/")
        #expect(site.url(.paper(id: "quant-ph/0210005")) == "https://papers.example.org/papers/quant-ph/0210005")
        #expect(site.url(.unsubscribe, query: ["token": "a b", "all": "1"]) == "https://papers.example.org/unsubscribe?all=1&token=a%20b")
        #expect(site.url(.home) == "https://papers.example.org/")
    }
}
