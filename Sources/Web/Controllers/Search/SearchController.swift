import Hummingbird
import PapersCore
import Presentation
import Search
import Storage

/// Search: the page, its RSS/Atom feeds, the Hugging Face-compatible `/api/papers/search`, and similar papers.
struct SearchController: Sendable {
    let search: PaperSearch
    let catalog: PaperCatalog
    let clock: @Sendable () -> Timestamp
    let site: SiteAddress
    /// Said on the search page when search by meaning is off (no model), so the visitor knows why.
    let semanticNotice: String?
    let forYou: ForYouFeatures
    static let pageSize = 20

    private func pageParameters(_ request: Request) throws -> SearchParameters {
        let query = try request.formQuery
        do { return try SearchParameters(query: query) } catch { throw PageError.badRequest(error.message) }
    }

    func page(_ request: Request, viewer: Viewer?) async throws -> Response {
        let parameters = try pageParameters(request)
        let pastedId = try? PaperReference.arxivId(from: parameters.text)
        // A pasted arXiv id or arXiv / Hugging Face URL goes straight to the paper when DailyPapers has it.
        if let pastedId, try await catalog.paper(id: pastedId) != nil {
            return Response(status: .seeOther, headers: [.location: Route.paper(id: pastedId).path])
        }
        let results =
            parameters.isEmpty
            ? nil
            : try await search.search(
                SearchRequest(
                    text: parameters.effectiveQuery, mode: parameters.mode, sort: parameters.sort,
                    limit: Self.pageSize, offset: parameters.page * Self.pageSize
                ))
        let html = SearchPageView.render(
            parameters: parameters, results: results, pageSize: Self.pageSize, missingArxivId: pastedId,
            semanticNotice: semanticNotice, currentYear: clock().day.year, viewer: viewer,
            followTopic: try await topicButton(parameters.text, viewer: viewer)
        )
        var response = Responses.html(html).response
        response.headers[.cacheControl] = "no-store"
        return response
    }

    /// "Follow this topic" for a member's search of a few words (what a topic may be).
    private func topicButton(_ text: String, viewer: Viewer?) async throws -> HTML? {
        let topic = text.trimmingWhitespace()
        guard let viewer, !topic.isEmpty, topic.count <= FollowRules.maximumTopic else { return nil }
        return try await forYou.followButton(.topic, topic, viewer: viewer)
    }

    func feed(_ request: Request, format: FeedFormat) async throws -> Response {
        let parameters = try pageParameters(request)
        guard !parameters.isEmpty else { throw PageError.badRequest("A search feed needs a query: add ?q=words.") }
        // A feed announces new papers: the newest matches first.
        let results = try await search.search(
            SearchRequest(text: parameters.effectiveQuery, mode: parameters.mode, sort: .date, limit: FeedController.maxItems))
        let query = parameters.queryString()
        let feed = SyndicationFeed(
            title: "“\(parameters.effectiveQuery)” · Daily Papers", description: "New papers matching “\(parameters.effectiveQuery)”.",
            pageURL: site.url(.search) + "?\(query)", feedURL: site.url(.searchFeed(format)) + "?\(query)",
            id: "tag:dailypapers,2025:search/\(query)", papers: results.papers.map(\.paper), site: site
        )
        let body = feed.render(format)
        var response = Responses.body(body, contentType: format.contentType).response
        response.headers[.eTag] = ETag.of(body)
        response.headers[.cacheControl] = "public, max-age=300"
        return ConditionalGET.isNotModified(request, response) ? ConditionalGET.notModified(response) : response
    }

    /// `GET /api/papers/search?q=&limit=`: items shaped like `/api/daily_papers`, as `huggingface_hub.list_papers` reads them.
    func api(_ request: Request) async throws -> Rendered {
        let query = try request.formQuery
        // Without `mode` this is Hugging Face's endpoint, with its 250-character limit.
        let parameters = try SearchParameters(query: query, hubCompatible: (query["mode"] ?? "").isEmpty)
        let limit = try DailyPapersParameters.integer(query["limit"], name: "limit", range: 1...SearchParameters.maximumLimit) ?? 50
        // `list_papers()` without a query leaves `q` out: it gets the papers, newest feed day first.
        if parameters.isEmpty {
            let papers = try await catalog.featured(
                days: nil, submitter: nil, sort: .publishedAt, limit: limit, offset: parameters.page * limit, now: clock()
            )
            return try Responses.json(papers.map(HFPaperDTO.dailyItem))
        }
        // An arXiv id or URL finds that paper (first, when DailyPapers has it).
        if parameters.page == 0, let id = try? PaperReference.arxivId(from: parameters.text), let paper = try await catalog.paper(id: id) {
            return try Responses.json([HFPaperDTO.dailyItem(paper)])
        }
        let results = try await search.search(
            SearchRequest(
                text: parameters.effectiveQuery, mode: parameters.mode, sort: parameters.sort, limit: limit, offset: parameters.page * limit,
                prefixLastWord: query["prefix"] == "1" || query["prefix"] == "true"
            ))
        return try Responses.json(results.papers.map { HFPaperDTO.dailyItem($0.paper) })
    }

    /// `GET /api/papers/{id}/similar?limit=5`: the nearest papers by meaning, each with its `similarity`.
    func similar(_ rawId: String, _ request: Request) async throws -> Rendered {
        let id = PaperIdentity.normalizedArxivId(rawId) ?? rawId
        guard try await catalog.paper(id: id) != nil else { throw APIError.notFound("Paper not found: \(rawId)") }
        let limit = try DailyPapersParameters.integer(try request.formQuery["limit"], name: "limit", range: 1...50) ?? 5
        let similar = try await search.similar(to: id, count: limit)
        return try Responses.json(similar.map { HFPaperDTO.SimilarPaper(paper: HFPaperDTO.flat($0.paper), similarity: Double($0.similarity)) })
    }
}

extension Request {
    /// The query string as an HTML form sends it (`+` for a space), which the search form and its links use.
    /// Throws 400 for a malformed escape or a control character.
    var formQuery: [String: String] {
        get throws { try Forms.parse(uri.query ?? "") }
    }
}
