import Community
import HTTPTypes
import Hummingbird
import PapersCore
import Storage

/// Hugging Face's collections API, and the calls `huggingface_hub` makes around it (`whoami-v2`, the overviews, the
/// empty repository lists). Reads need no token — a token shows its member's private collections too; writes need one.
struct CollectionAPIController: Sendable {
    let community: CommunityFeatures
    let catalog: PaperCatalog
    let site: SiteAddress
    let clock: @Sendable () -> Timestamp
    static let maximumLimit = 100

    func respond(to call: CollectionAPI, _ request: Request, _ context: AppRequestContext) async throws -> Response {
        let collections = community.collections
        switch call {
            case .list: return try await list(request, context)
            case .get(let slug): return try await json(collections.collection(slug: slug, viewer: context.apiUser))
            case .create:
                let user = try write(context)
                let input = try await APIInput.decode(CreateInput.self, from: request, example: #"{"title": "Reading group", "private": false}"#)
                let details = CollectionService.Details(
                    title: input.title, description: input.description, isPrivate: input.private, theme: input.theme)
                return try await json(collections.create(details, namespace: input.namespace, by: user), status: .ok)
            case .update(let slug):
                let user = try write(context)
                let input = try await APIInput.decode(UpdateInput.self, from: request, example: #"{"title": "New title", "private": true}"#)
                let details = CollectionService.Details(
                    title: input.title, description: input.description, isPrivate: input.private, theme: input.theme)
                let collection = try await collections.update(slug: slug, details, by: user)
                return try Responses.json(HFCollectionUpdate(data: try await dto(collection))).response
            case .delete(let slug):
                try await collections.delete(slug: slug, by: try write(context))
                return try Responses.json(Success()).response
            case .addItem(let slug):
                let user = try write(context)
                let input = try await APIInput.decode(ItemInput.self, from: request, example: #"{"item": {"id": "2410.11779", "type": "paper"}}"#)
                guard input.item.type == "paper" else {
                    throw APIError.badRequest(
                        "DailyPapers collections hold papers: the item's type must be \"paper\", not \"\(input.item.type.prefix(40))\".")
                }
                return try await json(collections.addPaper(input.item.id, note: input.note, to: slug, by: user))
            case .updateItem(let slug, let item):
                let user = try write(context)
                let input = try await APIInput.decode(ItemUpdateInput.self, from: request, example: #"{"note": "why it matters", "position": 0}"#)
                return try await json(collections.updateItem(item, in: slug, note: input.note, position: input.position, by: user))
            case .deleteItem(let slug, let item):
                try await collections.removeItem(item, from: slug, by: try write(context))
                return try Responses.json(Success()).response
        }
    }

    /// `GET /api/collections?item=papers/ID&owner=&q=&sort=&limit=&offset=`, paged by a `Link` header.
    private func list(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let parameters = request.queryItems
        let limit = try DailyPapersParameters.integer(parameters["limit"], name: "limit", range: 1...Self.maximumLimit) ?? 20
        let offset = try DailyPapersParameters.integer(parameters["offset"], name: "offset", range: 0...1_000_000) ?? 0
        var paperId: String?
        if let item = parameters["item"] {
            guard item.hasPrefix("papers/"), item.count > 7 else {
                throw APIError.badRequest("item is 'papers/ID' here: DailyPapers collections hold papers only.")
            }
            paperId = PaperIdentity.normalizedArxivId(String(item.dropFirst(7))) ?? String(item.dropFirst(7))
        }
        let order: CollectionQuery.Order =
            switch parameters["sort"] {
                case nil, "lastModified": .lastModified
                case "upvotes", "trending": .upvotes
                case "created": .created
                case let other?: throw APIError.badRequest("sort is lastModified, trending or upvotes, not '\(other.prefix(40))'.")
            }
        let query = CollectionQuery(
            paperId: paperId, owner: parameters["owner"], titleContains: parameters["q"].flatMap { $0.isEmpty ? nil : String($0.prefix(200)) },
            order: order, limit: limit + 1, offset: offset)
        let found = try await community.collections.list(query, viewer: context.apiUser)
        let page = Array(found.prefix(limit))
        var headers: HTTPFields = [:]
        if found.count > limit {
            var next = parameters.reduce(into: [String: String]()) { $0[$1.key] = $1.value }
            next["offset"] = String(offset + limit)
            headers[.linkHeader] = "<\(site.url(.apiCollections(.list), query: next))>; rel=\"next\""
        }
        return try Responses.json(try await dtos(page, inList: true), extraHeaders: headers).response
    }

    /// `GET /api/whoami-v2`: the token's member and their organizations; 401 without a token.
    func whoAmI(_ context: AppRequestContext) async throws -> Response {
        let user = try Guards.apiMember(context)
        let organizations = try await community.organizations.organizations(of: user)
        let answer = HFWhoAmI(
            id: String(user.id), name: user.username, fullname: user.username, emailVerified: user.emailVerified,
            orgs: organizations.map { .init(name: $0.name, fullname: $0.fullname) }, auth: .init())
        return try Responses.json(answer).response
    }

    /// `GET /api/{users,organizations}/{name}/overview`: papers featured by (or attributed to) them and collections.
    func overview(_ kind: OverviewKind, name: String, _ context: AppRequestContext) async throws -> Response {
        let papers: Int
        let shown: String
        switch kind {
            case .users:
                guard let user = try await community.accounts.user(named: name) else { throw APIError.notFound("No member called \(name).") }
                shown = user.username
                papers = try await catalog.store.countFeaturedPapers(FeedQuery(submitter: user.username, limit: 1))
            case .organizations:
                guard let organization = try await community.organizations.organization(named: name) else {
                    throw APIError.notFound("No organization called \(name).")
                }
                shown = organization.name
                papers = try await catalog.store.countFeaturedPapers(FeedQuery(organization: organization.name, limit: 1))
        }
        let collections = try await community.collections.count(owner: shown, viewer: context.apiUser)
        let answer = HFOverview(
            name: shown, user: kind == .users ? shown : nil, fullname: shown, type: kind == .users ? "user" : "org", numPapers: papers,
            numCollections: collections)
        return try Responses.json(answer).response
    }

    /// Writes need a member's token, and count as votes do against the member's limits.
    private func write(_ context: AppRequestContext) throws -> User {
        let user = try Guards.apiMember(context)
        try community.limits.check(.vote, context, now: clock())
        return user
    }

    private func json(_ collection: PaperCollection, status: HTTPResponse.Status = .ok) async throws -> Response {
        try Responses.json(try await dto(collection), status: status).response
    }

    private func dto(_ collection: PaperCollection) async throws -> HFCollectionDTO {
        try await dtos([collection])[0]
    }

    private func dtos(_ collections: [PaperCollection], inList: Bool = false) async throws -> [HFCollectionDTO] {
        let ids = Array(Set(collections.flatMap { $0.items.map(\.paperId) }))
        let papers = Dictionary(try await catalog.store.papers(ids: ids).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        return collections.map { HFCollectionDTO($0, papers: papers, site: site, inList: inList) }
    }

    /// `POST /api/collections`.
    struct CreateInput: Decodable {
        let title: String
        let namespace: String?
        let description: String?
        let `private`: Bool?
        let theme: String?
    }

    /// `PATCH /api/collections/{slug}`.
    struct UpdateInput: Decodable {
        let title: String?
        let description: String?
        let `private`: Bool?
        let theme: String?
        let position: Int?
    }

    /// `POST /api/collections/{slug}/items`.
    struct ItemInput: Decodable {
        /// The item: a paper id and its type.
        struct Item: Decodable {
            let id: String
            let type: String
        }
        let item: Item
        let note: String?
    }

    /// `PATCH /api/collections/{slug}/items/{itemId}`.
    struct ItemUpdateInput: Decodable {
        let note: String?
        let position: Int?
    }

    /// `{"success": true}`.
    struct Success: Encodable {
        let success = true
    }
}
