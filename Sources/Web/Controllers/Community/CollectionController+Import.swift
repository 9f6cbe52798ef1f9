import Community
import Hummingbird
import PapersCore

extension CollectionController {
    /// Papers one import may name, and how many of them may be fetched from arXiv (one every 3 seconds).
    static let maximumImport = 500
    static let maximumLookups = 20

    /// Adds the papers a pasted list of ids or a BibTeX file names, in order. Papers not here yet are fetched from
    /// arXiv through the polite lookup queue, a few per import; the answer says what was added, what was there
    /// already, what arXiv does not have, and what is left for another import.
    func importPapers(_ slug: String, text: String, user: User, viewer: Viewer?) async throws -> Response {
        let ids = ArxivIdScanner.ids(in: text)
        guard !ids.isEmpty else {
            throw PageError.badRequest("No arXiv id found: paste ids (2410.11779), arXiv links, or a BibTeX file with eprint fields.")
        }
        guard ids.count <= Self.maximumImport else { throw PageError.badRequest("One import adds at most \(Self.maximumImport) papers.") }
        var collection = try await community.collections.collection(slug: slug, viewer: user)
        let present = Set(collection.items.map(\.paperId))
        var report = ImportReport()
        for id in ids {
            guard !present.contains(id) else {
                report.present.append(id)
                continue
            }
            do {
                if try await catalog.store.paper(id: id) == nil {
                    guard report.lookups < Self.maximumLookups else {
                        report.later.append(id)
                        continue
                    }
                    report.lookups += 1
                    _ = try await community.submissions.index(id, by: user)
                }
                collection = try await community.collections.addPaper(id, note: nil, to: collection.id, by: user)
                report.added.append(id)
            } catch let error as CommunityError where error.kind == .notFound || error.kind == .unavailable {
                if error.kind == .notFound { report.missing.append(id) } else { report.later.append(id) }
            }
        }
        let back = (label: "Back to the collection", path: Route.collection(slug: collection.slug).path)
        return Pages.html(MessagePage.render("Imported into \(collection.title)", report.summary, link: back, viewer: viewer))
    }
}

/// What an import did, paper by paper.
struct ImportReport {
    var added: [String] = []
    var present: [String] = []
    var missing: [String] = []
    var later: [String] = []
    var lookups = 0

    var summary: String {
        var parts = ["Added \(added.count) \(added.count == 1 ? "paper" : "papers")."]
        if !present.isEmpty { parts.append("\(present.count) were in the collection already.") }
        if !missing.isEmpty { parts.append("Not found on arXiv: \(missing.joined(separator: ", ")).") }
        if !later.isEmpty {
            parts.append(
                "Not fetched this time (arXiv is asked for at most \(CollectionController.maximumLookups) new papers per import, one every 3 seconds): "
                    + "\(later.joined(separator: ", ")). Import again to add them.")
        }
        return parts.joined(separator: " ")
    }
}
