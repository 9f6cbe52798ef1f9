import Hummingbird
import PapersCore
import Storage

/// arXiv's announcements as harvested: `/papers/new` (the newest batch, filtered by category and type, with feeds),
/// the category pages and their feeds, and the operators' page of what each source did.
struct ListingController: Sendable {
    let catalog: PaperCatalog
    let clock: @Sendable () -> Timestamp
    let site: SiteAddress
    /// The harvested categories, offered as filters.
    let categories: [String]
    /// Each source's state.
    let ingest: SQLIngestStore
    let forYou: ForYouFeatures
    static let pageSize = 50

    /// The operators' page: what each source did last (moderators only).
    func ingestStatus(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        _ = try Guards.moderator(request, context)
        let states = try await ingest.states()
        return Responses.html(IngestStatusView.render(states, now: clock(), viewer: context.viewer)).response
    }

    /// `quiet`: arXiv's notice when it makes no announcement today.
    func newPapers(_ request: Request, quiet: QuietDay?, _ viewer: Viewer?) async throws -> Rendered {
        let filter = try ListingFilter(request, known: categories)
        let page = try await catalog.listing(
            day: filter.day, categories: filter.categories(default: categories), kinds: filter.kinds,
            limit: Self.pageSize, offset: filter.page * Self.pageSize
        )
        if filter.day != nil, page == nil {
            throw PageError.notFound("arXiv made no announcement on \(filter.day?.description ?? "") in these categories, or it was not harvested.")
        }
        let viewer = try await viewer?.marking(page?.papers ?? [])
        return Responses.html(
            NewPapersView.render(page, filter: filter, categories: categories, notice: quiet, currentYear: clock().day.year, viewer: viewer))
    }

    func category(_ name: String, _ request: Request, _ viewer: Viewer?) async throws -> Rendered {
        guard ArxivCategory.isValid(name) else { throw PageError.badRequest("'\(name)' is not an arXiv category such as cs.CL.") }
        let page = try ListingFilter.pageNumber(request)
        let result = try await catalog.category(name, limit: Self.pageSize, offset: page * Self.pageSize)
        let viewer = try await viewer?.marking(result.papers)
        return Responses.html(
            NewPapersView.category(
                name, papers: result.papers, total: result.total, page: page, pageSize: Self.pageSize, currentYear: clock().day.year, viewer: viewer,
                follow: try await forYou.followButton(.category, name, viewer: viewer)))
    }

    /// The feed's links name only the filter it applies (a cached body is built from the route, never from the raw query).
    func newPapersFeed(_ request: Request, route: Route) async throws -> SyndicationFeed {
        let filter = try ListingFilter(request, known: categories)
        let page = try await catalog.listing(
            day: nil, categories: filter.categories(default: categories), kinds: filter.kinds, limit: FeedController.maxItems, offset: 0)
        let suffix = ListingFilter(category: filter.category, kind: filter.kind).query()
        return SyndicationFeed(
            title: "New on arXiv · Daily Papers",
            description: "The latest arXiv announcement in \(filter.categories(default: categories).joined(separator: ", ")).",
            pageURL: site.url(.newPapers) + suffix, feedURL: site.url(route) + suffix, id: "tag:dailypapers,2025:feed/new\(suffix)",
            papers: page?.papers ?? [], site: site
        )
    }

    func categoryFeed(_ name: String, route: Route) async throws -> SyndicationFeed {
        guard ArxivCategory.isValid(name) else { throw PageError.badRequest("'\(name)' is not an arXiv category such as cs.CL.") }
        let papers = try await catalog.category(name, limit: FeedController.maxItems, offset: 0).papers
        return SyndicationFeed(
            title: "\(name) · Daily Papers", description: "Papers in arXiv's \(name), newest first.", pageURL: site.url(.category(name)),
            feedURL: site.url(route), id: "tag:dailypapers,2025:feed/category/\(name)", papers: papers, site: site
        )
    }
}
