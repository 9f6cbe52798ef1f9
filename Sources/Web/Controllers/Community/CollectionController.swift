import Community
import Hummingbird
import PapersCore
import Presentation
import Storage

/// Collections in the browser: their pages, feeds and citation files, and the forms that create and change them.
struct CollectionController: Sendable {
    let community: CommunityFeatures
    let catalog: PaperCatalog
    let site: SiteAddress
    let forYou: ForYouFeatures
    let clock: @Sendable () -> Timestamp
    /// Papers a public collection's feed lists: its latest additions.
    static let feedItems = 50

    private var collections: CollectionService { community.collections }

    /// A collection's page: its papers 50 at a time, in the collection's order.
    func page(_ slug: String, _ request: Request, _ context: AppRequestContext) async throws -> Response {
        let pageNumber = try PageNumber.of(request)
        let collection = try await visible(slug, context.viewer?.user)
        var upvoted = false
        if let viewer = context.viewer { upvoted = try await collections.hasUpvoted(collection, by: viewer.user) }
        let shown = Array(collection.items.dropFirst(pageNumber * PageNumber.size).prefix(PageNumber.size))
        let viewer = try await context.viewer?.marking(ids: shown.map(\.paperId))
        let model = CollectionPageView.Model(
            collection: collection, shown: shown, papers: try await papers(shown.map(\.paperId)), page: pageNumber, viewer: viewer,
            mayEdit: try await collections.mayEdit(collection, user: viewer?.user), upvoted: upvoted, currentYear: clock().day.year,
            follow: collection.isPrivate ? nil : try await forYou.followButton(.collection, collection.slug, viewer: viewer))
        let html = CollectionPageView.render(model)
        return collection.isPrivate || viewer != nil ? Pages.html(html) : Responses.html(html).response
    }

    /// A public collection's latest additions as a feed; a private one has none.
    func feed(_ slug: String, _ route: Route) async throws -> SyndicationFeed {
        let collection = try await visible(slug, nil)
        let added = collection.items.sorted { $0.addedAt > $1.addedAt }.prefix(Self.feedItems)
        let papers = try await self.papers(added.map(\.paperId))
        return SyndicationFeed(
            title: "\(collection.title) · a collection by \(collection.owner)",
            description: collection.description.isEmpty ? collection.title : collection.description,
            pageURL: site.url(.collection(slug: collection.slug)), feedURL: site.url(route),
            id: "tag:dailypapers,2025:feed/collection/\(collection.id)",
            papers: added.compactMap { papers[$0.paperId] }, site: site)
    }

    /// Every paper of the collection as one citation file, in the collection's order, streamed.
    func citation(_ slug: String, format: CitationFormat, _ context: AppRequestContext) async throws -> Response {
        let collection = try await visible(slug, context.viewer?.user)
        return CitationController.stream(collection.items.map(\.paperId), format: format, catalog: catalog, site: site, private: collection.isPrivate)
    }

    /// `POST /collections`: adds the `paper` to the chosen `collection`, or creates a collection (with that paper).
    func create(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let (session, fields) = try await Guards.memberForm(request, context)
        try community.limits.check(.vote, context, now: clock())
        let paper = fields["paper"].flatMap { $0.isEmpty ? nil : $0 }
        if let slug = fields["collection"], let paper {
            let collection = try await collections.addPaper(paper, note: fields["note"], to: slug, by: session.user)
            return Responses.redirect(to: Route.collection(slug: collection.slug).path).response
        }
        let details = CollectionService.Details(title: fields["title"] ?? "", description: fields["description"], isPrivate: fields["private"] == "1")
        let created = try await collections.create(details, namespace: fields["namespace"], by: session.user)
        guard let paper else { return Responses.redirect(to: Route.collection(slug: created.slug).path).response }
        let collection = try await collections.addPaper(paper, note: nil, to: created.id, by: session.user)
        return Responses.redirect(to: Route.collection(slug: collection.slug).path).response
    }

    /// The forms of a collection's page.
    func act(_ slug: String, _ action: CollectionAction, _ request: Request, _ context: AppRequestContext) async throws -> Response {
        let (session, fields) = try await Guards.memberForm(request, context)
        // Imports may ask arXiv for papers: they count as submissions; every other change as a vote does.
        try community.limits.check(action == .importPapers ? .submit : .vote, context, now: clock())
        let user = session.user
        let item = fields["item"] ?? ""
        var destination = slug
        switch action {
            case .edit:
                let details = CollectionService.Details(
                    title: fields["title"] ?? "", description: fields["description"] ?? "", isPrivate: fields["private"] == "1",
                    theme: fields["theme"])
                destination = try await collections.update(slug: slug, details, by: user).slug
            case .delete:
                try await collections.delete(slug: slug, by: user)
                return Responses.redirect(to: Route.user(user.username).path).response
            case .upvote:
                let upvoted = fields["upvoted"] != "0"
                let count = try await collections.upvote(upvoted, slug: slug, by: user)
                // The page's vote script asks for JSON and updates the count in place.
                if request.headers[.accept]?.contains("application/json") == true {
                    return VoteController.json(VoteResult(upvotes: count, upvoted: upvoted))
                }
            case .add: destination = try await collections.addPaper(fields["paper"] ?? "", note: fields["note"], to: slug, by: user).slug
            case .note: _ = try await collections.updateItem(item, in: slug, note: fields["note"] ?? "", position: nil, by: user)
            case .move:
                guard let position = Int(fields["position"] ?? "") else { throw PageError.badRequest("Choose where to move the paper.") }
                _ = try await collections.updateItem(item, in: slug, note: nil, position: position, by: user)
            case .remove: try await collections.removeItem(item, from: slug, by: user)
            case .importPapers: return try await importPapers(slug, text: fields["ids"] ?? "", user: user, viewer: context.viewer ?? Viewer(session))
        }
        return Responses.redirect(to: Route.collection(slug: destination).path).response
    }

    private func visible(_ slug: String, _ user: User?) async throws -> PaperCollection {
        do { return try await collections.collection(slug: slug, viewer: user) } catch let error as CommunityError where error.kind == .notFound {
            throw PageError.notFound(error.message)
        }
    }

    private func papers(_ ids: [String]) async throws -> [String: Paper] {
        let papers = try await catalog.store.papers(ids: ids)
        return Dictionary(papers.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }
}
