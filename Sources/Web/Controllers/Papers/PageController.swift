import Community
import Hummingbird
import PapersCore
import Presentation
import Search
import Storage

/// The HTML pages: feeds, trending, paper pages and their Markdown versions. `RouteTable` calls each handler and
/// caches what it renders.
struct PageController: Sendable {
    let catalog: PaperCatalog
    let clock: @Sendable () -> Timestamp
    /// Whether feed pages show the subscribe box (only when mail works: no dead controls).
    let subscribeBox: Bool
    /// Comments and organization members.
    let community: CommunityFeatures
    /// Finds the similar papers each paper page lists (none without the model).
    let search: PaperSearch
    let site: SiteAddress
    /// Follow buttons and their counts.
    let forYou: ForYouFeatures
    static let similarCount = 5

    func latestDay(_ request: Request, quiet: QuietDay?, _ viewer: Viewer?) async throws -> Rendered {
        guard let day = try await catalog.latestFeaturedDay() else {
            let content: HTML = "<h1>No papers yet</h1><p class=\"empty\">Import some with <code>dailypapers import FILE</code>.</p>"
            return Responses.html(Layout.page(title: "Daily Papers", tab: .daily, viewer: viewer, content: content))
        }
        return try await feed(.day(day), request, quiet: quiet, viewer)
    }

    func feed(_ window: FeedWindow, _ request: Request, quiet: QuietDay? = nil, _ viewer: Viewer?) async throws -> Rendered {
        let pageNumber = try PageNumber.of(request)
        let hasCode = try codeParameter(request)
        let page = try await catalog.feed(window, hasCode: hasCode, limit: PageNumber.size, offset: pageNumber * PageNumber.size)
        // An empty day after tomorrow (anywhere on Earth) is an address that does not exist yet, not an empty page.
        if page.total == 0, !hasCode, window.days.lowerBound > clock().day.adding(days: 1) {
            throw PageError.notFound("\(CardFormatting.title(of: window)) has not happened yet: no papers are featured in the future.")
        }
        let viewer = try await viewer?.marking(page.papers)
        return Responses.html(
            FeedPageView.render(
                page, hasCode: hasCode, pageNumber: pageNumber, pageSize: PageNumber.size, currentYear: clock().day.year, subscribeBox: subscribeBox,
                quietNotice: quiet, viewer: viewer
            ))
    }

    func trending(_ request: Request, _ viewer: Viewer?) async throws -> Rendered {
        let pageNumber = try PageNumber.of(request)
        let (limit, offset) = PageNumber.fetch(pageNumber)
        let result = try await catalog.trending(limit: limit, offset: offset, now: clock())
        let (papers, hasMore) = PageNumber.trim(result.papers)
        let viewer = try await viewer?.marking(papers)
        return Responses.html(
            TrendingPageView.render(
                papers: papers, page: pageNumber, hasMore: hasMore, referenceTime: result.referenceTime, currentYear: clock().day.year, viewer: viewer
            ))
    }

    func paper(_ id: String, markdown wantsMarkdown: Bool, _ viewer: Viewer?) async throws -> Rendered {
        guard let paper = try await catalog.paper(id: id) else {
            throw PageError.notFound("No paper with id '\(id)' is in DailyPapers.")
        }
        if wantsMarkdown { return Responses.body(PaperMarkdown.render(paper), contentType: Responses.markdownType) }
        let comments = try await community.comments.thread(of: paper.id)
        let viewer = try await viewer?.marking([paper])
        let similar = try await search.similar(to: paper.id, count: Self.similarCount)
        return Responses.html(
            PaperPageView.render(
                PaperPageModel(
                    paper: paper, comments: comments, similar: similar, currentYear: clock().day.year, now: clock(), viewer: viewer,
                    siteURL: site.base,
                    collections: try await collections.list(CollectionQuery(paperId: paper.id, order: .upvotes, limit: 10), viewer: viewer?.user),
                    ownCollections: try await ownCollections(viewer),
                    organizations: try await organizationNames(viewer))))
    }

    private var collections: CollectionService { community.collections }

    /// The organizations the viewer belongs to, for the owner of a new collection.
    private func organizationNames(_ viewer: Viewer?) async throws -> [String] {
        guard let viewer else { return [] }
        return try await community.organizations.organizations(of: viewer.user).map(\.name)
    }

    /// The viewer's own collections, newest change first, for "Add to collection".
    private func ownCollections(_ viewer: Viewer?) async throws -> [PaperCollection] {
        guard let viewer else { return [] }
        return try await collections.list(CollectionQuery(owner: viewer.user.username, limit: 100), viewer: viewer.user)
    }

    func organization(_ name: String, _ request: Request, _ viewer: Viewer?) async throws -> Rendered {
        let pageNumber = try PageNumber.of(request)
        let (limit, offset) = PageNumber.fetch(pageNumber)
        let (papers, hasMore) = PageNumber.trim(try await catalog.organizationPapers(name, limit: limit, offset: offset))
        let registered = try await community.organizations.organization(named: name)
        let viewer = try await viewer?.marking(papers)
        var claimed = papers.first?.organization
        if claimed == nil, registered == nil { claimed = try await catalog.organizationPapers(name, limit: 1).first?.organization }
        guard let organization = registered ?? claimed else { throw PageError.notFound("There is no organization called \(name).") }
        let path = Route.organization(organization.name).path
        let collections = try await self.collections.list(CollectionQuery(owner: organization.name, limit: 100), viewer: viewer?.user)
        let members = CommunityPageViews.members(
            organization.name, members: try await community.organizations.members(of: organization.name), viewer: viewer)
        let list: HTML =
            papers.isEmpty
            ? PageLinks.empty(
                path: path, page: pageNumber, empty: "<p class=\"empty\">No papers are attributed to <bdi>\(organization.fullname)</bdi> yet.</p>")
            : "\(PaperCardView.list(papers, currentYear: clock().day.year, viewer: viewer))\(PageLinks.render(path: path, page: pageNumber, hasMore: hasMore))"
        let content: HTML = """
            <h1>\(Avatar.render(organization.fullname, image: papers.first?.hub?.organizationAvatar, size: .large))<bdi>\(organization.fullname)</bdi></h1>
            <p class="sub">Papers claimed by \(organization.name), newest feed day first</p>
            <p class="follow-line">\(try await forYou.followButton(.organization, organization.name, viewer: viewer))</p>
            \(members)\(CollectionListView.render(collections))
            \(list)
            """
        let feeds = Layout.Alternate.both(organization.fullname) { .organizationFeed(organization.name, $0) }
        return Responses.html(Layout.page(title: organization.fullname, alternates: feeds, viewer: viewer, content: content))
    }

    /// The date picker's answer: the page of the day it names.
    func dayPicked(_ request: Request) throws -> Rendered {
        let text = request.queryItems["date"] ?? ""
        guard let day = Day(iso: text) else { throw PageError.badRequest("Pick a day as YYYY-MM-DD, not '\(text.prefix(40))'.") }
        return Responses.redirect(to: Route.day(day).path)
    }

    func redirectToLatest(_ window: (Day) -> FeedWindow) async throws -> Rendered {
        guard let day = try await catalog.latestFeaturedDay() else { return Responses.redirect(to: Route.home.path) }
        return Responses.redirect(to: Route.feed(window(day)).path)
    }

    /// `?has=code`: the feed's papers with code only.
    private func codeParameter(_ request: Request) throws -> Bool {
        guard let value = request.queryItems["has"] else { return false }
        guard value == "code" else { throw PageError.badRequest("has= takes 'code' (papers with a code repository), not '\(value.prefix(40))'.") }
        return true
    }

    /// `Accept: text/markdown` asks for a paper page as Markdown, as `/papers/{id}.md` does.
    static func wantsMarkdown(_ request: Request) -> Bool {
        request.headers[.accept]?.contains("text/markdown") == true
    }
}
