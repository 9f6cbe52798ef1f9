import HTTPTypes
import Hummingbird
import PapersCore
import Storage

/// RSS 2.0 and Atom 1.0 feeds of the daily, weekly and trending lists and of each organization, with
/// `ETag`/`Last-Modified` validators and 304 answers.
struct FeedController: Sendable {
    let catalog: PaperCatalog
    let clock: @Sendable () -> Timestamp
    let site: SiteAddress

    /// How many feed days the daily feed spans, and the most items any feed carries.
    static let dailyFeedDays = 3
    static let maxItems = 100

    func daily(_ route: Route) async throws -> SyndicationFeed {
        let papers = try await catalog.recentDays(Self.dailyFeedDays, limit: Self.maxItems)
        return feed(
            title: "Daily Papers", description: "The papers the research community upvoted, day by day.", page: .home, route: route, id: "daily",
            papers: papers)
    }

    func weekly(_ route: Route) async throws -> SyndicationFeed {
        let papers = try await catalog.latestWeekTop(limit: 50)
        return feed(
            title: "Daily Papers · this week", description: "The week's most upvoted papers.", page: .latestWeek, route: route, id: "weekly",
            papers: papers)
    }

    func trending(_ route: Route) async throws -> SyndicationFeed {
        let papers = try await catalog.trending(limit: 50, now: clock()).papers
        return feed(
            title: "Daily Papers · trending", description: "Ranked by \(Trending.formulaDescription).", page: .trending, route: route, id: "trending",
            papers: papers)
    }

    func organization(_ name: String, _ route: Route) async throws -> SyndicationFeed {
        let papers = try await catalog.organizationPapers(name, limit: Self.maxItems)
        guard let organization = papers.first?.organization else { throw PageError.notFound("There is no organization '\(name)'.") }
        return feed(
            title: "\(organization.fullname) · Daily Papers", description: "Papers claimed by \(organization.fullname).", page: .organization(name),
            route: route, id: "organization/\(name)", papers: papers)
    }

    private func feed(title: String, description: String, page: Route, route: Route, id: String, papers: [Paper]) -> SyndicationFeed {
        SyndicationFeed(
            title: title, description: description, pageURL: site.url(page), feedURL: site.url(route), id: "tag:dailypapers,2025:feed/\(id)",
            papers: papers, site: site)
    }
}

/// A feed's answer as the response cache keeps it: the body with `ETag`, `Last-Modified` and `Cache-Control`.
enum FeedResponses {
    static func render(_ feed: SyndicationFeed, _ format: FeedFormat) -> Rendered {
        let body = feed.render(format)
        var rendered = Responses.body(body, contentType: format.contentType)
        rendered.headers[.eTag] = ETag.of(body)
        rendered.headers[.lastModified] = InternetDate.http(feed.updated)
        rendered.headers[.cacheControl] = "public, max-age=300"
        return rendered
    }
}

/// Strong entity tags from a body's bytes.
enum ETag {
    static func of(_ body: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in body.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        return "\"\(String(hash, radix: 16))\""
    }
}

/// `If-None-Match` / `If-Modified-Since` handling (RFC 9110 §13).
enum ConditionalGET {
    static func isNotModified(_ request: Request, _ response: Response) -> Bool {
        guard response.status == .ok else { return false }
        if let tags = request.headers[.ifNoneMatch], let etag = response.headers[.eTag] {
            return tags == "*"
                || tags.split(separator: ",").contains { candidate in
                    let tag = String(candidate).trimmingWhitespace()
                    return (tag.hasPrefix("W/") ? String(tag.dropFirst(2)) : tag) == etag
                }
        }
        if let since = request.headers[.ifModifiedSince].flatMap(InternetDate.parseHTTP),
            let modified = response.headers[.lastModified].flatMap(InternetDate.parseHTTP)
        {
            return modified <= since
        }
        return false
    }

    static func notModified(_ response: Response) -> Response {
        var headers = HTTPFields()
        for name in [HTTPField.Name.eTag, .lastModified, .cacheControl] {
            if let value = response.headers[name] { headers[name] = value }
        }
        return Response(status: .notModified, headers: headers)
    }
}
