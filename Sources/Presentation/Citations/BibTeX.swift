import Foundation

/// BibTeX entries as arXiv's "Export BibTeX citation" writes them (`@misc` with `eprint`, `archivePrefix`,
/// `primaryClass`, `url`), plus the DOI and journal reference when known. Every value is escaped: TeX's special
/// characters are written as text, accented Latin letters as TeX accents, other characters as UTF-8.
public enum BibTeX {
    /// One entry, ending with a blank line.
    public static func entry(_ citation: Citation) -> String {
        var fields: [(String, String)] = [("title", citation.title)]
        if !citation.authors.isEmpty { fields.append(("author", citation.authors.map(name).joined(separator: " and "))) }
        if let day = citation.published { fields.append(("year", String(day.year))) }
        if let id = citation.arxivId {
            fields.append(("eprint", id))
            fields.append(("archivePrefix", "arXiv"))
            if let primary = citation.primaryClass { fields.append(("primaryClass", primary)) }
        }
        if let doi = citation.doi { fields.append(("doi", doi)) }
        if let journal = citation.journalRef { fields.append(("journal", journal)) }
        fields.append(("url", citation.url))
        let body = fields.map { "      \($0.0)={\(escape($0.1))}," }.joined(separator: "\n")
        return "@misc{\(citation.key),\n\(body)\n}\n\n"
    }

    /// "Family, Given" keeps a particle or a space inside the family name where BibTeX would misread "Given Family".
    static func name(_ person: PersonName) -> String {
        person.given.isEmpty ? person.family : "\(person.family), \(person.given)"
    }

    /// `text` as a braced BibTeX value: specials escaped, Latin accents as TeX accents, white space collapsed.
    /// ASCII, nearly all of a list's text, is read byte by byte; only other characters are looked at whole.
    public static func escape(_ text: String) -> String {
        var output = ""
        output.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for character in text {
            let written: String
            if let byte = character.asciiValue {
                if byte <= 0x20 || byte == 0x7F {
                    pendingSpace = true
                    continue
                }
                written = asciiSpecial(byte) ?? String(character)
            } else if character.isWhitespace || character.unicodeScalars.allSatisfy({ $0.properties.generalCategory == .control }) {
                pendingSpace = true
                continue
            } else {
                written = specials[character] ?? accented(character) ?? String(character)
            }
            if pendingSpace, !output.isEmpty { output += " " }
            pendingSpace = false
            output += written
        }
        return output
    }

    /// TeX's special ASCII characters, written as text.
    private static func asciiSpecial(_ byte: UInt8) -> String? {
        switch byte {
            case UInt8(ascii: "\\"): "\\textbackslash{}"
            case UInt8(ascii: "^"): "\\textasciicircum{}"
            case UInt8(ascii: "~"): "\\textasciitilde{}"
            case UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "%"), UInt8(ascii: "&"), UInt8(ascii: "$"), UInt8(ascii: "#"), UInt8(ascii: "_"):
                "\\" + String(UnicodeScalar(byte))
            default: nil
        }
    }

    /// Latin letters TeX writes with a command of their own.
    private static let specials: [Character: String] = [
        "ß": "{\\ss}", "ø": "{\\o}", "Ø": "{\\O}", "æ": "{\\ae}", "Æ": "{\\AE}", "œ": "{\\oe}", "Œ": "{\\OE}", "ł": "{\\l}", "Ł": "{\\L}",
        "ı": "{\\i}", "å": "{\\aa}", "Å": "{\\AA}",
    ]

    /// The TeX accent commands of the combining marks Latin names carry.
    private static let accents: [Unicode.Scalar: String] = [
        "\u{0301}": "'", "\u{0300}": "`", "\u{0302}": "^", "\u{0308}": "\"", "\u{0303}": "~", "\u{0304}": "=", "\u{0307}": ".",
        "\u{0306}": "u", "\u{030C}": "v", "\u{030B}": "H", "\u{030A}": "r", "\u{0327}": "c", "\u{0328}": "k",
    ]

    /// `{\"u}` for "ü": an ASCII letter with one combining mark TeX has an accent for; nil otherwise.
    private static func accented(_ character: Character) -> String? {
        let scalars = Array(String(character).decomposedStringWithCanonicalMapping.unicodeScalars)
        guard scalars.count == 2, scalars[0].isASCII, scalars[0].properties.isAlphabetic, let accent = accents[scalars[1]] else { return nil }
        let letter = Character(scalars[0])
        let separator = accent.first?.isLetter == true ? " " : ""
        return "{\\\(accent)\(separator)\(letter)}"
    }
}
