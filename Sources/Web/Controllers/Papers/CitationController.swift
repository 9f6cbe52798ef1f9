import HTTPTypes
import Hummingbird
import PapersCore
import Presentation

/// Citation files: a paper's BibTeX, RIS and CSL-JSON at `/papers/{id}.bib`, `.ris`, `.csl.json`.
struct CitationController: Sendable {
    let catalog: PaperCatalog
    let site: SiteAddress

    func paper(_ id: String, format: CitationFormat) async throws -> Rendered {
        guard let paper = try await catalog.paper(id: id) else {
            throw PageError.notFound("No paper with id '\(id)' is in DailyPapers.")
        }
        return Responses.body(CitationFile.whole([Citation(paper, siteURL: site.base)], format), contentType: format.contentType)
    }

    /// The papers `ids` name, in that order, as one citation file streamed `chunk` papers at a time: memory stays
    /// flat however long the list (a reading list of 10,000 papers).
    static func stream(_ ids: [String], format: CitationFormat, catalog: PaperCatalog, site: SiteAddress, private isPrivate: Bool) -> Response {
        let chunk = 500
        let body = ResponseBody { writer in
            try await writer.write(ByteBuffer(string: CitationFile.opening(format)))
            var first = true
            for start in stride(from: 0, to: ids.count, by: chunk) {
                let slice = Array(ids[start..<min(start + chunk, ids.count)])
                let found = Dictionary(try await catalog.store.papers(ids: slice).map { ($0.id, $0) }, uniquingKeysWith: { one, _ in one })
                var text = ""
                for id in slice {
                    guard let paper = found[id] else { continue }
                    text += CitationFile.entry(Citation(paper, siteURL: site.base), format, first: first)
                    first = false
                }
                try await writer.write(ByteBuffer(string: text))
            }
            try await writer.write(ByteBuffer(string: CitationFile.closing(format)))
            try await writer.finish(nil)
        }
        var headers: HTTPFields = [.contentType: format.contentType]
        if isPrivate { headers[.cacheControl] = "no-store" }
        return Response(status: .ok, headers: headers, body: body)
    }
}
