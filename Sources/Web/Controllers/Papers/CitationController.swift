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
        return Responses.body(Self.file([Citation(paper, siteURL: site.base)], format: format), contentType: format.contentType)
    }

    /// The citations as one file of `format`.
    static func file(_ citations: [Citation], format: CitationFormat) -> String {
        switch format {
            case .bibtex: citations.map(BibTeX.entry).joined()
            case .ris: citations.map(RIS.record).joined()
            case .cslJSON: CSLJSON.document(citations)
        }
    }
}
