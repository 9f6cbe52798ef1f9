import Foundation
import PapersCore

/// What a citation of a paper says, worked out once for every format: the title as text (TeX markup read), the
/// authors, the date of first publication, arXiv's identifiers and the links.
public struct Citation: Sendable {
    /// A key stable across exports and unique within any file: the first author's family name, the year, the
    /// title's first long word, then the paper's id (`vaswani2017attention-1706.03762`).
    public let key: String
    public let title: String
    public let authors: [PersonName]
    public let published: Day?
    public let arxivId: String?
    public let primaryClass: String?
    public let url: String
    public let doi: String?
    public let journalRef: String?
    /// The abstract as text (TeX markup read), worked out only for the formats that carry it.
    public var abstract: String { TeXText.plain(rawAbstract) }
    private let rawAbstract: String

    public init(_ paper: Paper, siteURL: String) {
        title = PaperPresentation.title(paper)
        authors = paper.authors.map(PersonName.init)
        published = paper.publishedAt?.day ?? paper.featuredOn
        arxivId = paper.arxivId
        primaryClass = paper.categories.first
        url = PaperPresentation.arxivPage(paper) ?? siteURL + Route.paper(id: paper.id).path
        doi = paper.doi
        journalRef = paper.journalRef
        rawAbstract = paper.abstract
        key = Self.key(family: authors.first?.family, year: published?.year, title: title, id: paper.id)
    }

    static func key(family: String?, year: Int?, title: String, id: String) -> String {
        let word = firstLongWord(title)
        let name = family.map(Self.ascii) ?? ""
        let idPart = id.map { $0.isLetter || $0.isNumber || $0 == "." ? $0 : "-" }
        return (name.isEmpty ? "paper" : name) + (year.map(String.init) ?? "") + word + "-" + String(idPart)
    }

    /// The title's first word longer than three letters once in ASCII, read only as far as that word.
    static func firstLongWord(_ title: String) -> String {
        var word = ""
        for character in title + " " {
            if isWordCharacter(character) {
                word.append(character)
            } else if !word.isEmpty {
                let folded = ascii(word)
                if folded.count > 3 { return folded }
                word = ""
            }
        }
        return ""
    }

    private static func isWordCharacter(_ character: Character) -> Bool {
        guard let byte = character.asciiValue else { return character.isLetter || character.isNumber }
        return (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }

    /// Lower-case ASCII letters and digits of `text`, accents dropped ("Müller" → "muller", "Łódź" → "lodz").
    static func ascii<S: StringProtocol>(_ text: S) -> String {
        let spelled = String(text.flatMap { letters[$0] ?? String($0) })
        let folded = spelled.folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: nil)
        return String(folded.unicodeScalars.filter { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)) }.map(Character.init))
            .lowercased()
    }

    /// Latin letters that are not a letter plus an accent, spelled in ASCII.
    private static let letters: [Character: String] = [
        "ß": "ss", "ø": "o", "Ø": "O", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ı": "i",
        "þ": "th", "Þ": "Th",
    ]
}
