extension Route {
    /// The route a request names, nil when none does. Fixed segments win over values (`/papers/trending` is the
    /// trending page, not a paper with the id "trending"); a paper id may span two segments (`quant-ph/0210005`).
    /// Throws when the path names a route with a value it cannot take, or holds a malformed escape.
    public init?(method: RouteMethod, path: String) throws(RouteError) {
        guard let route = try RouteParser(method: method, path: path)?.route() else { return nil }
        self = route
    }

    /// Whether an address belongs to the API, known or not: its errors are JSON.
    public static func isAPIPath(_ path: String) -> Bool {
        path == "/api" || path.hasPrefix("/api/")
    }
}

/// Reads a path one segment at a time, percent-decoded.
struct RouteParser {
    let method: RouteMethod
    let segments: [String]

    init?(method: RouteMethod, path: String) throws(RouteError) {
        guard path.first == "/" else { return nil }
        var parts = path.dropFirst().split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        if parts.last == "" { parts.removeLast() }
        var decoded: [String] = []
        for part in parts {
            guard let text = TextEncoding.percentDecode(part), !text.isEmpty, !TextEncoding.hasForbiddenControl(text) else {
                if part.isEmpty { return nil }
                throw RouteError(message: "The address holds a malformed percent escape or a control character.")
            }
            decoded.append(text)
        }
        self.method = method
        segments = decoded
    }

    func route() throws(RouteError) -> Route? {
        if let fixed = Self.fixedRoutes[method]?[segments.joined(separator: "/")] { return fixed }
        switch method {
            case .get: return try getRoute()
            case .post: return postRoute()
            case .patch, .delete:
                if segments.prefix(2) == ["api", "collections"] {
                    return CollectionAPI.parse(method, segments.dropFirst(2)).map { .apiCollections($0) }
                }
                if method == .delete, segments.count >= 4, segments.prefix(2) == ["api", "papers"], segments.last == "upvote",
                    let id = paperId(segments.dropFirst(2).dropLast())
                {
                    return .apiRemoveUpvote(id: id)
                }
                return nil
        }
    }

    /// `Route.fixedPaths` by method and path (without its leading `/`): fixed text wins over any value.
    private static let fixedRoutes: [RouteMethod: [String: Route]] = Dictionary(grouping: Route.fixedPaths, by: \.key.method)
        .mapValues { entries in Dictionary(uniqueKeysWithValues: entries.map { (String($0.value.dropFirst()), $0.key) }) }

    private func getRoute() throws(RouteError) -> Route? {
        guard let first = segments.first else { return nil }
        let rest = Array(segments.dropFirst())
        switch (first, rest.count) {
            case ("papers", _): return try papersRoute(rest)
            case ("api", _): return apiGetRoute(rest)
            case ("collections", _): return collectionPage(rest)
            case ("users", 1): return .user(rest[0])
            case ("authors", 1): return .author(rest[0])
            case ("assets", 1): return .asset(rest[0])
            // What browsers ask for when a document (a feed, the Markdown view) names no icon.
            case ("favicon.ico", 0): return .asset("favicon.ico")
            case (_, 0): return Route.reservedNames.contains(first) ? nil : .organization(first)
            case (_, 1): return Self.feedFormat(rest[0]).map { .organizationFeed(first, $0) }
            default: return nil
        }
    }

    private func papersRoute(_ rest: [String]) throws(RouteError) -> Route? {
        switch rest.count {
            case 1:
                return Self.paperDocument(rest[0])
            case 2:
                if rest[0] == "category" { return .category(rest[1]) }
                if let window = try Self.window(rest[0], rest[1]) { return window }
                return Self.paperDocument(rest[0] + "/" + rest[1])
            case 3 where rest[0] == "category": return Self.feedFormat(rest[2]).map { .categoryFeed(rest[1], $0) }
            default: return nil
        }
    }

    /// A paper's page, its Markdown view or one of its citation files, by the name's ending.
    private static func paperDocument(_ name: String) -> Route {
        if name.hasSuffix(".md") && name.count > 3 { return .paperMarkdown(id: String(name.dropLast(3))) }
        if let (id, format) = CitationFormat.split(Substring(name)) { return .paperCitation(id: String(id), format: format) }
        return .paper(id: name)
    }

    private static func window(_ kind: String, _ value: String) throws(RouteError) -> Route? {
        switch kind {
            case "date":
                guard let day = Day(iso: value) else { throw RouteError(message: "'\(value)' is not a date: use YYYY-MM-DD.") }
                return .day(day)
            case "week":
                guard let week = ISOWeek(iso: value) else { throw RouteError(message: "'\(value)' is not a week: use YYYY-Www, e.g. 2025-W44.") }
                return .week(week)
            case "month":
                guard let month = YearMonth(iso: value) else { throw RouteError(message: "'\(value)' is not a month: use YYYY-MM.") }
                return .month(month)
            default: return nil
        }
    }

    private func apiGetRoute(_ rest: [String]) -> Route? {
        if rest.first == "collections" { return CollectionAPI.parse(.get, rest.dropFirst()).map { .apiCollections($0) } }
        if rest.count == 1, let kind = RepositoryKind(rawValue: rest[0]) { return .apiRepositories(kind) }
        if rest.count == 3, rest[2] == "overview", let kind = OverviewKind(rawValue: rest[0]) { return .apiOverview(kind, name: rest[1]) }
        switch rest.count {
            case 0, 1: return nil
            default:
                guard rest[0] == "papers" else { return nil }
                let tail = rest.dropFirst()
                if tail.last == "similar", let id = paperId(tail.dropLast()) { return .apiSimilar(id: id) }
                return paperId(tail).map { .apiPaper(id: $0) }
        }
    }

    /// A paper id of one segment, or an old-style one of two (`quant-ph/0210005`).
    func paperId(_ parts: ArraySlice<String>) -> String? {
        (1...2).contains(parts.count) ? parts.joined(separator: "/") : nil
    }

    static func feedFormat(_ file: String) -> FeedFormat? {
        FeedFormat.allCases.first { Route.feedFile($0) == file }
    }
}
