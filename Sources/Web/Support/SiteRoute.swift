import PapersCore

/// Every page of the site, so links are built from one place and cannot drift from the router.
public enum SiteRoute: Sendable, Equatable {
    case home
    case feed(FeedWindow)
    case trending
    case paper(id: String)
    case paperMarkdown(id: String)
    case organization(String)
    case user(String)
    case author(String)
    case paperAction(id: String, action: String)

    /// The path of the route, with every dynamic part percent-encoded.
    public var path: String {
        switch self {
            case .home: return "/"
            case .feed(.day(let day)): return "/papers/date/\(day)"
            case .feed(.week(let week)): return "/papers/week/\(week)"
            case .feed(.month(let month)): return "/papers/month/\(month)"
            case .trending: return "/papers/trending"
            case .paper(let id): return "/papers/\(PathEncoding.encode(id))"
            case .paperMarkdown(let id): return "/papers/\(PathEncoding.encode(id)).md"
            case .organization(let name): return "/\(PathEncoding.encode(name))"
            case .user(let name): return "/users/\(PathEncoding.encode(name))"
            case .author(let name): return "/authors/\(TextEncoding.percentEncode(name))"
            case .paperAction(let id, let action): return "/papers/\(PathEncoding.encode(id))/\(action)"
        }
    }
}

/// Percent-encoding for path segments (ids keep their `/` so old-style arXiv ids read naturally).
enum PathEncoding {
    static func encode(_ text: String) -> String {
        TextEncoding.percentEncode(text, allowing: "/")
    }
}
