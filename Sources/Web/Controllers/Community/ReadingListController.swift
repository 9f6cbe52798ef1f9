import Community
import Hummingbird
import PapersCore
import Presentation
import Search
import Storage

/// The reading list: `/saved` (filters, search within), its citation files, and the Save, Read and Note forms.
struct ReadingListController: Sendable {
    let community: CommunityFeatures
    let search: PaperSearch
    let catalog: PaperCatalog
    let site: SiteAddress
    let clock: @Sendable () -> Timestamp

    private var lists: ReadingListService { community.readingLists }

    func page(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let session = try Guards.member(request, context)
        let parameters = try ReadingListParameters(request)
        // Counted while the page's papers are found: SQLite's readers and the search work side by side.
        async let counts = lists.counts(of: session.user)
        var entries = try await entries(parameters, of: session.user)
        let hasMore = entries.count > PageNumber.size
        entries = Array(entries.prefix(PageNumber.size))
        let viewer = try await (context.viewer ?? Viewer(session)).marking(entries.map(\.paper))
        let (total, unread) = try await counts
        let model = ReadingListView.Model(
            entries: entries, parameters: parameters, total: total, unread: unread, hasMore: hasMore, viewer: viewer, currentYear: clock().day.year)
        return Pages.html(ReadingListView.render(model))
    }

    /// The page's saved papers (one more, to tell whether another page follows): last saved first, or as the
    /// search within the list ranks them. The list's filters narrow the candidates first: the search ranks only
    /// what may be shown.
    private func entries(_ parameters: ReadingListParameters, of user: User) async throws -> [(entry: SavedPaper, paper: Paper)] {
        let (limit, offset) = PageNumber.fetch(parameters.page)
        guard !parameters.query.isEmpty else { return try await lists.entries(of: user, filter: parameters.filter, limit: limit, offset: offset) }
        let ranked = try await search.rank(KeywordQuery(parameters.query), mode: parameters.mode) { [lists] in
            try await lists.candidates(of: user, filter: parameters.filter)
        }
        return try await lists.page(of: user, ranked: ranked.map(\.paperId), limit: limit, offset: offset)
    }

    /// The whole list (last saved first) as one citation file, streamed; private, so never cached.
    func citation(_ format: CitationFormat, _ request: Request, _ context: AppRequestContext) async throws -> Response {
        let session = try Guards.member(request, context)
        let ids = try await lists.savedIds(of: session.user, filter: ReadingListFilter())
        return CitationController.stream(ids, format: format, catalog: catalog, site: site, private: true)
    }

    /// `GET /settings/export.json`: the member's whole account as a download (`AccountArchive`).
    func export(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let session = try Guards.member(request, context)
        let archive = try await community.exports.archive(of: session.user)
        var response = try Responses.json(archive).response
        response.headers[.cacheControl] = "no-store"
        response.headers[.contentDisposition] = "attachment; filename=\"dailypapers-\(session.user.username).json\""
        return response
    }

    /// `POST /papers/{id}/save`, `/read`, `/note`: back to where the form was, at the card.
    func act(_ id: String, _ action: PaperAction, _ request: Request, _ context: AppRequestContext) async throws -> Response {
        let (session, fields) = try await Guards.memberForm(request, context)
        try community.limits.check(.vote, context, now: clock())
        switch action {
            case .save: _ = try await lists.save(id, saved: fields["saved"] != "0", by: session.user)
            case .read: try await lists.markRead(id, read: fields["read"] != "0", by: session.user)
            default: try await lists.note(id, fields["note"] ?? "", by: session.user)
        }
        let paperPage = Route.paper(id: id).path
        let back = request.headers[.referer].flatMap(Guards.localPath) ?? paperPage
        return Responses.redirect(to: back == paperPage ? back : back + "#" + PaperCardView.anchor(id)).response
    }
}
