import Foundation

/// An author's name split as reference managers want it: family name and given names. A name of one word (a
/// mononym, or a name in a script written without spaces) is all family name; lower-case particles before the last
/// word ("van", "de la") belong to the family name, as BibTeX reads them.
public struct PersonName: Sendable, Equatable {
    public let given: String
    public let family: String

    public init(given: String, family: String) {
        self.given = given
        self.family = family
    }

    /// Splits a full name as written ("Zoë van der Berg").
    public init(_ full: String) {
        let words = full.split(whereSeparator: { $0.asciiValue.map { $0 == 0x20 || (0x09...0x0D).contains($0) } ?? $0.isWhitespace }).map(String.init)
        guard words.count > 1 else {
            given = ""
            family = words.first ?? ""
            return
        }
        var start = words.count - 1
        while start > 1, Self.isParticle(words[start - 1]) { start -= 1 }
        given = words[..<start].joined(separator: " ")
        family = words[start...].joined(separator: " ")
    }

    /// "van", "de", "von", "di", "la", "du", "der", "den", "del", "dos", "da": a lower-case word before the last.
    private static func isParticle(_ word: String) -> Bool {
        ["van", "von", "de", "der", "den", "del", "della", "di", "da", "dos", "das", "du", "la", "le", "ter", "zu"].contains(word)
    }
}
