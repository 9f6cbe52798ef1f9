import PapersCore
import Presentation

/// Marks the searched words in a title or abstract: the text is escaped piece by piece and each matching word is
/// wrapped in `<mark>`, so nothing in the paper's text can become markup.
struct Highlighter {
    /// Lower-cased words to mark. A word in the text matches one of them when it equals it, starts with it
    /// (`attention` for `atten`; three letters at least, so `ai` marks no "aims"), or differs only by an ending
    /// (`models` for `model`).
    let words: [String]

    func highlight(_ text: String) -> HTML {
        var output = ""
        for (piece, isWord) in Self.pieces(of: text) {
            let escaped = HTML.escape(String(piece))
            output += isWord && matches(piece.lowercased()) ? "<mark>\(escaped)</mark>" : escaped
        }
        return HTML(unescaped: output)
    }

    /// About `length` characters of `text` around its first marked word, with "…" where it was cut.
    func snippet(_ text: String, length: Int = 320) -> HTML {
        guard text.count > length else { return highlight(text) }
        var offset = 0
        var firstMatch: Int?
        for (piece, isWord) in Self.pieces(of: text) {
            if isWord, matches(piece.lowercased()) {
                firstMatch = offset
                break
            }
            offset += piece.count
        }
        var start = max(0, (firstMatch ?? 0) - length / 4)
        if firstMatch == nil || firstMatch ?? 0 < length / 2 { start = 0 }
        let characters = Array(text)
        while start > 0, !characters[start - 1].isWhitespace { start -= 1 }
        let end = min(characters.count, start + length)
        var window = String(characters[start..<end])
        if end < characters.count, let lastSpace = window.lastIndex(where: \.isWhitespace) { window = String(window[..<lastSpace]) }
        let before: HTML = start > 0 ? "… " : ""
        let after: HTML = end < characters.count ? " …" : ""
        return "\(before)\(highlight(window))\(after)"
    }

    private func matches(_ word: String) -> Bool {
        words.contains { query in
            word == query || (query.count >= 3 && word.hasPrefix(query))
                || (query.count >= 4 && query.hasPrefix(word) && query.count - word.count <= 2)
                || (query.count >= 5 && word.count >= 5 && Self.commonPrefix(word, query) >= max(query.count, word.count) - 3)
        }
    }

    private static func commonPrefix(_ a: String, _ b: String) -> Int {
        zip(a, b).prefix { $0 == $1 }.count
    }

    /// The text cut into runs of letters and digits (words) and runs of everything else.
    static func pieces(of text: String) -> [(Substring, Bool)] {
        var pieces: [(Substring, Bool)] = []
        var start = text.startIndex
        var inWord: Bool?
        for index in text.indices {
            let isWord = text[index].isLetter || text[index].isNumber
            if let current = inWord, current != isWord {
                pieces.append((text[start..<index], current))
                start = index
            }
            inWord = isWord
        }
        if let current = inWord { pieces.append((text[start...], current)) }
        return pieces
    }
}
