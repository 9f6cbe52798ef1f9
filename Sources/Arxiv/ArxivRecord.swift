import PapersCore

/// One paper as arXiv's OAI-PMH records describe it (`arXivRaw`: every version with its date; `arXiv`: split authors).
public struct ArxivRecord: Sendable, Equatable {
    public var id: String
    /// The record's last modification, as OAI-PMH dates it (`YYYY-MM-DD`).
    public var datestamp: String
    public var title = ""
    public var abstract = ""
    public var authors: [String] = []
    /// Primary first, as arXiv lists them.
    public var categories: [String] = []
    public var comments: String?
    public var journalRef: String?
    public var doi: String?
    public var license: String?
    /// Submission time of each version, in order (`arXivRaw`); empty for the `arXiv` format.
    public var versionDates: [Timestamp?] = []
    /// The first version's date in the `arXiv` format (`<created>`).
    public var created: Day?

    public init(id: String, datestamp: String) {
        self.id = id
        self.datestamp = datestamp
    }

    /// Whether the latest version is a withdrawal notice: arXiv's comments then say the paper "has been withdrawn".
    public var isWithdrawn: Bool {
        guard let comments = comments?.lowercased() else { return false }
        return comments.contains("has been withdrawn") || comments.contains("withdrawn by") || comments.hasPrefix("withdrawn")
            || comments.contains("paper is withdrawn")
    }

    /// What the record says about the paper, as an update that leaves every field it does not carry alone (upvotes,
    /// featured day, the Hugging Face details, the announcement).
    public var update: PaperUpdate {
        let published = versionDates.first.flatMap { $0 } ?? created.map { Timestamp(day: $0) }
        var fields: Set<PaperField> = [.arxivId, .title, .abstract, .authors, .authorCount, .categories]
        var paper = Paper(
            id: id, arxivId: id, title: title.collapsingWhitespace(), abstract: abstract.collapsingWhitespace(),
            authors: authors, publishedAt: published, categories: categories
        )
        if published != nil { fields.insert(.publishedAt) }
        paper.arxivComments = comments?.collapsingWhitespace()
        paper.journalRef = journalRef?.collapsingWhitespace()
        paper.doi = doi?.trimmingWhitespace()
        paper.license = license?.trimmingWhitespace()
        fields.formUnion([.arxivComments, .journalRef, .doi, .license])
        if !versionDates.isEmpty {
            paper.versions = ArxivVersions(count: versionDates.count, latestAt: versionDates.last.flatMap { $0 }, withdrawn: isWithdrawn)
            fields.insert(.versions)
        }
        return PaperUpdate(paper: paper, fields: fields)
    }

    /// Splits arXiv's one-string author list ("A. Author, B. Author, and C. Author") at the commas and "and"s that
    /// are not inside parentheses (affiliations), in one pass.
    public static func splitAuthors(_ text: String) -> [String] {
        var names: [String] = []
        var current = ""
        var depth = 0
        func flush() {
            var name = current.trimmingWhitespace()
            if name.hasPrefix("and ") { name = String(name.dropFirst(4)).trimmingWhitespace() }
            if !name.isEmpty { names.append(name) }
            current = ""
        }
        for character in text.collapsingWhitespace() {
            switch character {
                case "(": depth += 1
                case ")": depth = max(0, depth - 1)
                case "," where depth == 0:
                    flush()
                    continue
                default: break
            }
            current.append(character)
            if depth == 0, character == " ", current.hasSuffix(" and ") {
                current.removeLast(5)
                flush()
            }
        }
        flush()
        return names
    }
}
