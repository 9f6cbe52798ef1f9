extension Route {
    /// The method the route answers.
    public var method: RouteMethod {
        switch self {
            case .signUp, .logIn, .logOut, .verifyEmail, .forgotPassword, .resetPassword, .submit, .createOrganization,
                .addOrganizationMember, .changeSettings, .revokeToken, .paperAction, .commentAction, .memberAction,
                .subscribe, .confirmSubscription, .saveSubscription, .unsubscribe, .apiSubmit, .apiIndex, .apiUpvote,
                .apiComment, .apiReply:
                return .post
            case .apiRemoveUpvote:
                return .delete
            default:
                return .get
        }
    }

    /// The path of the route, every dynamic part percent-encoded.
    public var path: String {
        "/" + segments.joined(separator: "/")
    }

    /// Whether the route is part of the JSON API: token authentication, the API rate limit, JSON errors.
    public var isAPI: Bool {
        segments.first == "api"
    }

    /// Whether a client reads the route's errors as JSON: the API, and the Markdown pages `huggingface_hub` reads.
    public var answersJSONErrors: Bool {
        if case .paperMarkdown = self { return true }
        return isAPI
    }

    /// Whether a successful call changes what cached pages show at once. Votes are frequent and change only counts,
    /// which visitors see within the cache's check interval.
    public var invalidatesPages: Bool {
        switch self {
            case .paperAction(_, .upvote), .apiUpvote, .apiRemoveUpvote: return false
            default: return method != .get
        }
    }

    /// The first segment of every path that is fixed text, which no organization or member may take as a name
    /// (`/{name}` is an organization's page), and the files browsers and crawlers ask the root for.
    public static let reservedNames: Set<String> = {
        let fixed = examples.compactMap(\.segments.first).filter { $0 != exampleName }
        return Set(fixed).union(["robots.txt", "favicon.ico", ".well-known"])
    }()

    private var segments: [String] {
        switch self {
            case .home: return []
            case .papers: return ["papers"]
            case .day(let day): return ["papers", "date", day.description]
            case .dayPicker: return ["papers", "date"]
            case .latestWeek: return ["papers", "week"]
            case .week(let week): return ["papers", "week", week.description]
            case .latestMonth: return ["papers", "month"]
            case .month(let month): return ["papers", "month", month.description]
            case .trending: return ["papers", "trending"]
            case .paper(let id): return ["papers", Self.encodeId(id)]
            case .paperMarkdown(let id): return ["papers", Self.encodeId(id) + ".md"]
            case .organization(let name): return [Self.encode(name)]
            case .user(let name): return ["users", Self.encode(name)]
            case .author(let name): return ["authors", Self.encode(name)]
            case .search: return ["papers", "search"]
            case .moderation: return ["moderation"]
            case .newPapers: return ["papers", "new"]
            case .category(let name): return ["papers", "category", Self.encode(name)]
            case .ingestStatus: return ["moderation", "ingest"]
            case .newPapersFeed(let format): return ["papers", "new", Self.feedFile(format)]
            case .categoryFeed(let name, let format): return ["papers", "category", Self.encode(name), Self.feedFile(format)]
            case .dailyFeed(let format): return ["papers", Self.feedFile(format)]
            case .weekFeed(let format): return ["papers", "week", Self.feedFile(format)]
            case .trendingFeed(let format): return ["papers", "trending", Self.feedFile(format)]
            case .organizationFeed(let name, let format): return [Self.encode(name), Self.feedFile(format)]
            case .searchFeed(let format): return ["papers", "search", Self.feedFile(format)]
            default: return formSegments
        }
    }

    private var formSegments: [String] {
        switch self {
            case .signUpForm, .signUp: return ["signup"]
            case .logInForm, .logIn: return ["login"]
            case .logOut: return ["logout"]
            case .verifyEmailForm, .verifyEmail: return ["verify-email"]
            case .forgotPasswordForm, .forgotPassword: return ["forgot-password"]
            case .resetPasswordForm, .resetPassword: return ["reset-password"]
            case .submitForm, .submit: return ["papers", "submit"]
            case .newOrganizationForm, .createOrganization: return ["organizations", "new"]
            case .addOrganizationMember(let name): return [Self.encode(name), "members"]
            case .settings: return ["settings"]
            case .changeSettings(let action): return ["settings", action.rawValue]
            case .revokeToken(let id): return ["settings", "tokens", Self.encode(id), "revoke"]
            case .paperAction(let id, let action): return ["papers", Self.encodeId(id), action.rawValue]
            case .commentAction(let id, let action): return ["comments", Self.encode(id), action.rawValue]
            case .memberAction(let name, let action): return ["users", Self.encode(name), action.rawValue]
            case .subscribeForm, .subscribe: return ["subscribe"]
            case .confirmSubscriptionForm, .confirmSubscription: return ["subscribe", "confirm"]
            case .subscriptionSettings, .saveSubscription: return ["subscription"]
            case .unsubscribeForm, .unsubscribe: return ["unsubscribe"]
            case .health: return ["healthz"]
            case .asset(let name): return ["assets", Self.encode(name)]
            default: return apiSegments
        }
    }

    private var apiSegments: [String] {
        switch self {
            case .apiPage: return ["api"]
            case .openAPI: return ["api", "openapi.json"]
            case .agentHarnesses: return ["api", "agent-harnesses"]
            case .apiDailyPapers: return ["api", "daily_papers"]
            case .apiPapers: return ["api", "papers"]
            case .apiPaper(let id): return ["api", "papers", Self.encodeId(id)]
            case .apiSearch: return ["api", "papers", "search"]
            case .apiSimilar(let id): return ["api", "papers", Self.encodeId(id), "similar"]
            case .apiSubmit: return ["api", "papers", "submit"]
            case .apiIndex: return ["api", "papers", "index"]
            case .apiUpvote(let id), .apiRemoveUpvote(let id): return ["api", "papers", Self.encodeId(id), "upvote"]
            case .apiComment(let id): return ["api", "papers", Self.encodeId(id), "comment"]
            case .apiReply(let id, let comment): return ["api", "papers", Self.encodeId(id), "comment", Self.encode(comment), "reply"]
            default: return []
        }
    }

    static func feedFile(_ format: FeedFormat) -> String { "feed.\(format.rawValue)" }

    private static func encode(_ text: String) -> String { TextEncoding.percentEncode(text) }

    /// Paper ids keep their `/`, so old-style arXiv ids (`quant-ph/0210005`) read naturally.
    private static func encodeId(_ id: String) -> String { TextEncoding.percentEncode(id, allowing: "/") }
}

extension Route {
    /// The page of a day, week or month of featured papers.
    public static func feed(_ window: FeedWindow) -> Route {
        switch window {
            case .day(let day): return .day(day)
            case .week(let week): return .week(week)
            case .month(let month): return .month(month)
        }
    }
}
