import Foundation
import PapersCore

/// A record of the Kaggle arXiv metadata snapshot, byte for byte as Cornell ships it.
enum ArxivSnapshotFormat {
    struct Record: Decodable {
        let id: String?
        let submitter: String?
        let authors: String?
        let title: String?
        let comments: String?
        let journalRef: String?
        let doi: String?
        let categories: String?
        let license: String?
        let abstract: String?
        let versions: [Version]?
        let authorsParsed: [[String]]?

        enum CodingKeys: String, CodingKey {
            case id, submitter, authors, title, comments, doi, categories, license, abstract, versions
            case journalRef = "journal-ref"
            case authorsParsed = "authors_parsed"
        }
    }

    struct Version: Decodable {
        let version: String?
        let created: String?
    }

    static func update(_ record: Record) throws(RecordError) -> PaperUpdate {
        let title = try Validation.title(record.title)
        guard let rawId = record.id, !rawId.isEmpty else { throw RecordError(field: "id", "is missing") }
        let identity = try Validation.identity(arxivId: rawId, title: title, field: "id")
        let firstVersion = record.versions?.first?.created
        let publishedAt = try firstVersion.map { (created: String) throws(RecordError) -> Timestamp in
            guard let time = RFC822Date.parse(created) else {
                throw RecordError(field: "versions[0].created", "is not an RFC 822 date: \(created.prefix(40))")
            }
            return time
        }
        let authors = record.authorsParsed.map(names(fromParsed:)) ?? splitAuthors(record.authors ?? "")
        let paper = Paper(
            id: identity.id,
            arxivId: identity.arxivId,
            title: title,
            abstract: try Validation.abstract(record.abstract),
            authors: try Validation.authors(authors),
            publishedAt: publishedAt,
            submittedBy: try Validation.text(record.submitter, field: "submitter"),
            categories: (record.categories ?? "").split(separator: " ").map(String.init),
            arxivComments: try Validation.text(record.comments, field: "comments"),
            journalRef: try Validation.text(record.journalRef, field: "journal-ref"),
            doi: try Validation.text(record.doi, field: "doi"),
            license: try Validation.text(record.license, field: "license")
        )
        var fields: Set<PaperField> = [.arxivId, .title, .abstract, .authors, .authorCount]
        fields.formUnion(FieldPresence.carried(by: paper))
        return PaperUpdate(paper: paper, fields: fields)
    }

    /// "First Last Suffix" from `[last, first, suffix]` triples, which carry accents as Unicode rather than TeX.
    static func names(fromParsed parsed: [[String]]) -> [String] {
        parsed.map { parts in
            let last = parts.first ?? ""
            let rest = parts.dropFirst().filter { !$0.isEmpty }
            return (rest.prefix(1) + [last] + rest.dropFirst()).joined(separator: " ")
        }
    }

    static func splitAuthors(_ authors: String) -> [String] {
        authors.replacingOccurrences(of: " and ", with: ", ").split(separator: ",").map { String($0).trimmingWhitespace() }
    }
}

/// Parses arXiv's RFC 822 dates: `Mon, 2 Apr 2007 19:18:42 GMT`.
enum RFC822Date {
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    static func parse(_ text: String) -> Timestamp? {
        var parts = text.split(separator: " ").map(String.init)
        if parts.first?.hasSuffix(",") == true { parts.removeFirst() }
        guard parts.count >= 4, let dayNumber = Int(parts[0]), let monthIndex = months.firstIndex(of: parts[1]),
            let year = Int(parts[2]), let day = Day(year: year, month: monthIndex + 1, day: dayNumber)
        else { return nil }
        let clock = parts[3].split(separator: ":").compactMap { Int($0) }
        guard clock.count == 3, clock[0] < 24, clock[1] < 60, clock[2] < 61 else { return nil }
        guard parts.count == 4 || ["GMT", "UT", "UTC", "+0000", "Z"].contains(parts[4]) else { return nil }
        return Timestamp(day: day, hour: clock[0], minute: clock[1], second: min(clock[2], 59))
    }
}
