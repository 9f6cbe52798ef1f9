import Foundation

/// CSL-JSON items (the input of citeproc processors, Zotero and pandoc), an arXiv preprint as Zotero describes one:
/// type `article`, publisher arXiv, number `arXiv:ID`.
public enum CSLJSON {
    /// One item.
    public struct Item: Encodable, Sendable {
        let id: String
        let type: String
        let title: String
        let author: [Name]
        let issued: Issued?
        let publisher: String?
        let number: String?
        let DOI: String?
        let containerTitle: String?
        let URL: String
        let abstract: String

        enum CodingKeys: String, CodingKey {
            case id, type, title, author, issued, publisher, number, DOI, URL, abstract
            case containerTitle = "container-title"
        }
    }

    /// A name: family and given, or the family alone for a one-word name.
    struct Name: Encodable, Sendable {
        let family: String
        let given: String?
    }

    /// `{"date-parts": [[year, month, day]]}`.
    struct Issued: Encodable, Sendable {
        let dateParts: [[Int]]
        enum CodingKeys: String, CodingKey { case dateParts = "date-parts" }
    }

    public static func item(_ citation: Citation) -> Item {
        Item(
            id: citation.key, type: citation.journalRef == nil ? "article" : "article-journal", title: citation.title,
            author: citation.authors.map { Name(family: $0.family, given: $0.given.isEmpty ? nil : $0.given) },
            issued: citation.published.map { Issued(dateParts: [[$0.year, $0.month, $0.day]]) },
            publisher: citation.arxivId == nil ? nil : "arXiv", number: citation.arxivId.map { "arXiv:\($0)" }, DOI: citation.doi,
            containerTitle: citation.journalRef, URL: citation.url, abstract: citation.abstract)
    }

    /// One item as JSON (keys sorted, so the same paper always writes the same text).
    public static func encoded(_ citation: Citation) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(item(citation)) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }
}
