extension Route {
    /// The method the route answers.
    public var method: RouteMethod {
        switch self {
            case .signUp, .logIn, .logOut, .verifyEmail, .forgotPassword, .resetPassword, .submit, .createOrganization,
                .addOrganizationMember, .changeSettings, .revokeToken, .paperAction, .commentAction, .memberAction,
                .subscribe, .confirmSubscription, .saveSubscription, .unsubscribe, .apiSubmit, .apiIndex, .apiUpvote,
                .apiComment, .apiReply, .createCollection, .collectionAction, .changeFollow, .apiFollow:
                return .post
            case .apiRemoveUpvote, .apiUnfollow:
                return .delete
            case .apiCollections(let call):
                return call.method
            default:
                return .get
        }
    }

    /// The path of the route, every dynamic part percent-encoded.
    public var path: String {
        Self.fixedPaths[self] ?? "/" + segments.joined(separator: "/")
    }

    /// Whether the route is part of the JSON API: token authentication, the API rate limit, JSON errors.
    public var isAPI: Bool {
        Self.isAPIPath(path)
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
        let fixed = examples.compactMap { $0.path.split(separator: "/").first.map(String.init) }.filter { $0 != exampleName }
        return Set(fixed).union(["robots.txt", "favicon.ico", ".well-known"])
    }()

    /// The segments of a route with values (the fixed ones are in `fixedPaths`).
    private var segments: [String] {
        switch self {
            case .day(let day): return ["papers", "date", day.description]
            case .week(let week): return ["papers", "week", week.description]
            case .month(let month): return ["papers", "month", month.description]
            case .paper(let id): return ["papers", Self.encodeId(id)]
            case .paperMarkdown(let id): return ["papers", Self.encodeId(id) + ".md"]
            case .paperCitation(let id, let format): return ["papers", Self.encodeId(id) + "." + format.fileExtension]
            case .organization(let name): return [Self.encode(name)]
            case .user(let name): return ["users", Self.encode(name)]
            case .author(let name): return ["authors", Self.encode(name)]
            case .category(let name): return ["papers", "category", Self.encode(name)]
            case .categoryFeed(let name, let format): return ["papers", "category", Self.encode(name), Self.feedFile(format)]
            case .organizationFeed(let name, let format): return [Self.encode(name), Self.feedFile(format)]
            default: return formSegments
        }
    }

    private var formSegments: [String] {
        switch self {
            case .addOrganizationMember(let name): return [Self.encode(name), "members"]
            case .changeSettings(let action): return ["settings", action.rawValue]
            case .revokeToken(let id): return ["settings", "tokens", Self.encode(id), "revoke"]
            case .paperAction(let id, let action): return ["papers", Self.encodeId(id), action.rawValue]
            case .commentAction(let id, let action): return ["comments", Self.encode(id), action.rawValue]
            case .memberAction(let name, let action): return ["users", Self.encode(name), action.rawValue]
            case .asset(let name): return ["assets", Self.encode(name)]
            default: return apiSegments
        }
    }

    private var apiSegments: [String] {
        switch self {
            case .apiPaper(let id): return ["api", "papers", Self.encodeId(id)]
            case .apiSimilar(let id): return ["api", "papers", Self.encodeId(id), "similar"]
            case .apiUpvote(let id), .apiRemoveUpvote(let id): return ["api", "papers", Self.encodeId(id), "upvote"]
            case .apiComment(let id): return ["api", "papers", Self.encodeId(id), "comment"]
            case .apiReply(let id, let comment): return ["api", "papers", Self.encodeId(id), "comment", Self.encode(comment), "reply"]
            case .apiCollections(let call): return call.segments
            case .apiOverview(let kind, let name): return ["api", kind.rawValue, Self.encode(name), "overview"]
            case .apiRepositories(let kind): return ["api", kind.rawValue]
            case .collection(let slug): return Self.collectionSegments(slug)
            case .collectionFeed(let slug, let format): return Self.collectionSegments(slug) + [Self.feedFile(format)]
            case .collectionAction(let slug, let action): return Self.collectionSegments(slug) + [action.rawValue]
            case .collectionCitation(let slug, let format):
                var segments = Self.collectionSegments(slug)
                segments[segments.count - 1] += "." + format.fileExtension
                return segments
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
