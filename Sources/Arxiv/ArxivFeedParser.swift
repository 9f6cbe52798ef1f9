import Foundation
import PapersCore

#if canImport(FoundationXML)
import FoundationXML
#endif

/// Reads the arXiv API's Atom feed (`/api/query`) into papers.
public enum ArxivFeedParser {
    /// The papers of a feed; throws `ArxivError.malformed` when the XML is not a well-formed Atom feed.
    public static func papers(from data: Data) throws -> [Paper] {
        let delegate = AtomDelegate()
        let complaint = SAXReading.complaint(reading: data, with: delegate)
        guard complaint == nil, delegate.sawFeed, delegate.finishedFeed else {
            let reason = complaint ?? (delegate.sawFeed ? "the answer ends before </feed>" : "no Atom <feed> element")
            throw ArxivError.malformed("The arXiv API answered with a feed that cannot be read: \(reason).")
        }
        return delegate.entries.compactMap(\.paper)
    }
}

/// One `<entry>` as read, before it becomes a paper.
struct AtomEntry {
    var id = ""
    var title = ""
    var summary = ""
    var published = ""
    var authors: [String] = []
    var primaryCategory: String?
    var categories: [String] = []
    var comment: String?
    var journalRef: String?
    var doi: String?

    /// The paper, or nil for entries that are not papers (the API reports errors as entries).
    var paper: Paper? {
        guard let idStart = id.range(of: "/abs/"), let arxivId = PaperIdentity.normalizedArxivId(String(id[idStart.upperBound...])) else {
            return nil
        }
        var ordered = primaryCategory.map { [$0] } ?? []
        ordered += categories.filter { $0 != primaryCategory }
        return Paper(
            id: arxivId, arxivId: arxivId, title: title.collapsingWhitespace(), abstract: summary.collapsingWhitespace(),
            authors: authors.map { $0.collapsingWhitespace() }, publishedAt: Timestamp(iso: published.trimmingWhitespace()),
            categories: ordered, arxivComments: comment?.collapsingWhitespace(), journalRef: journalRef?.collapsingWhitespace(),
            doi: doi?.trimmingWhitespace()
        )
    }
}

/// The SAX delegate: collects the text of the elements an entry needs.
final class AtomDelegate: NSObject, XMLParserDelegate {
    static let atom = "http://www.w3.org/2005/Atom"
    static let arxiv = "http://arxiv.org/schemas/atom"

    private(set) var entries: [AtomEntry] = []
    private(set) var sawFeed = false
    /// Whether the closing `</feed>` arrived: a truncated answer has none, even where the parser forgives it.
    private(set) var finishedFeed = false
    private var current: AtomEntry?
    private var text = ""
    private var inAuthor = false

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:])
    {
        text = ""
        switch (namespaceURI, name) {
            case (Self.atom, "feed"): sawFeed = true
            case (Self.atom, "entry"): current = AtomEntry()
            case (Self.atom, "author"): inAuthor = true
            case (Self.atom, "category"): if let term = attributes["term"] { current?.categories.append(term) }
            case (Self.arxiv, "primary_category"): current?.primaryCategory = attributes["term"]
            default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        text += string
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if namespaceURI == Self.atom, name == "feed" { finishedFeed = true }
        guard current != nil else { return }
        switch (namespaceURI, name) {
            case (Self.atom, "entry"):
                if let entry = current { entries.append(entry) }
                current = nil
            case (Self.atom, "author"): inAuthor = false
            case (Self.atom, "name") where inAuthor: current?.authors.append(text)
            case (Self.atom, "id"): current?.id = text
            case (Self.atom, "title"): current?.title = text
            case (Self.atom, "summary"): current?.summary = text
            case (Self.atom, "published"): current?.published = text
            case (Self.arxiv, "comment"): current?.comment = text
            case (Self.arxiv, "journal_ref"): current?.journalRef = text
            case (Self.arxiv, "doi"): current?.doi = text
            default: break
        }
        text = ""
    }
}

/// Why arXiv could not answer.
public enum ArxivError: Error, Sendable, Equatable, CustomStringConvertible {
    /// arXiv did not answer usefully after the retries (down, slow, rate limiting).
    case unavailable(String)
    /// arXiv answered with something that is not a readable feed.
    case malformed(String)

    public var description: String {
        switch self {
            case .unavailable(let message), .malformed(let message): return message
        }
    }
}
