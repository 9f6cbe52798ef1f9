import HTTPTypes
import Hummingbird
import PapersCore
import Storage

/// The JSON API, compatible with Hugging Face's papers API.
struct APIController: Sendable {
    let catalog: PaperCatalog
    let clock: @Sendable () -> Timestamp
    /// The site's public address: `Link` headers are built from it, never from the request's `Host`, since the
    /// responses are cached and served to everyone.
    let site: SiteAddress

    static let openAPI = Rendered(
        status: .ok, headers: [.contentType: Responses.jsonType, .cacheControl: "public, max-age=3600"],
        body: ByteBuffer(bytes: PackageResources.openapi_json)
    )

    func dailyPapers(_ request: Request) async throws -> Rendered {
        let query = request.queryItems
        let parameters = try DailyPapersParameters(query: query)
        let papers = try await catalog.featured(
            days: parameters.window?.days,
            submitter: parameters.submitter,
            sort: parameters.sort,
            limit: parameters.limit + 1,
            offset: parameters.page * parameters.limit,
            now: clock()
        )
        var headers: HTTPFields = [:]
        if papers.count > parameters.limit {
            // Only the parameters this route reads travel to the next page (the response is cached for everyone).
            var next = query.filter { DailyPapersParameters.names.contains($0.key) }
            next["p"] = String(parameters.page + 1)
            next["limit"] = String(parameters.limit)
            headers[.linkHeader] = "<\(site.url(.apiDailyPapers, query: next))>; rel=\"next\""
        }
        return try Responses.json(papers.prefix(parameters.limit).map(HFPaperDTO.dailyItem), extraHeaders: headers)
    }

    func papers(_ request: Request) async throws -> Rendered {
        let query = request.queryItems
        let limit = try DailyPapersParameters.integer(query["limit"], name: "limit", range: 1...DailyPapersParameters.maxLimit) ?? 50
        let cursor = try query["cursor"].map { text throws(APIError) -> PublicationCursor in
            guard let cursor = CursorCoding.decode(text) else {
                throw .badRequest("Invalid cursor '\(text.prefix(60))': pass the cursor of a Link header unchanged")
            }
            return cursor
        }
        let papers = try await catalog.byPublication(after: cursor, limit: limit + 1)
        var headers: HTTPFields = [:]
        let page = Array(papers.prefix(limit))
        if papers.count > limit, let last = page.last, let published = last.publishedAt {
            let next = ["cursor": CursorCoding.encode(PublicationCursor(publishedAt: published, id: last.id)), "limit": String(limit)]
            headers[.linkHeader] = "<\(site.url(.apiPapers, query: next))>; rel=\"next\""
        }
        return try Responses.json(page.map(HFPaperDTO.flat), extraHeaders: headers)
    }

    func paper(_ id: String) async throws -> Rendered {
        guard let paper = try await catalog.paper(id: id) else {
            throw APIError.notFound("Paper not found: \(id)")
        }
        return try Responses.json(HFPaperDTO.flat(paper))
    }
}

/// The answer of `GET /api/agent-harnesses`, in huggingface.co's shape.
struct AgentHarnesses: Encodable {
    let standardEnvVars: [String] = []
    let harnesses: [String: String] = [:]
}

/// The opaque cursor of `/api/papers`: publication time and id of the last paper, as `<ms>~<id>`.
enum CursorCoding {
    static func encode(_ cursor: PublicationCursor) -> String {
        "\(cursor.publishedAt.millisecondsSinceEpoch)~\(cursor.id)"
    }

    static func decode(_ text: String) -> PublicationCursor? {
        guard let separator = text.firstIndex(of: "~"), let milliseconds = Int64(text[..<separator]) else { return nil }
        let id = String(text[text.index(after: separator)...])
        guard !id.isEmpty, id.count <= 100 else { return nil }
        return PublicationCursor(publishedAt: Timestamp(millisecondsSinceEpoch: milliseconds), id: id)
    }
}

extension HTTPField.Name {
    /// `Link`, which the pagination of the API answers with (RFC 8288). The name is a valid token, so the parse cannot fail.
    static let linkHeader = HTTPField.Name("Link") ?? .contentLocation
}
