/// Splits a search into its pieces: quoted phrases, `-excluded` words, `field:value` pairs and plain words.
enum QueryTokenizer {
    enum Token: Equatable {
        case word(String)
        case phrase(String)
        case excluded(String)
        case field(name: String, value: String)
    }

    static func tokens(of text: String) -> [Token] {
        var tokens: [Token] = []
        var rest = Substring(text)
        while let start = rest.firstIndex(where: { !$0.isWhitespace }) {
            rest = rest[start...]
            if rest.first == "\"" {
                let body = rest.dropFirst()
                if let close = body.firstIndex(of: "\"") {
                    tokens.append(.phrase(String(body[..<close])))
                    rest = body[body.index(after: close)...]
                } else {
                    // An unclosed quote: the rest is plain words.
                    tokens.append(.word(String(body)))
                    rest = ""
                }
                continue
            }
            if rest.hasPrefix("-\""), let close = rest.dropFirst(2).firstIndex(of: "\"") {
                tokens.append(.excluded(String(rest[rest.index(rest.startIndex, offsetBy: 2)..<close])))
                rest = rest[rest.index(after: close)...]
                continue
            }
            let end = rest.firstIndex(where: \.isWhitespace) ?? rest.endIndex
            let piece = rest[..<end]
            if piece.count > 1, piece.first == "-", piece.dropFirst().first?.isLetterOrDigit == true {
                tokens.append(.excluded(String(piece.dropFirst())))
                rest = rest[end...]
            } else if let colon = piece.firstIndex(of: ":"), colon > piece.startIndex, piece[..<colon].allSatisfy(\.isLetter) {
                let name = String(piece[..<colon])
                let afterColon = rest[rest.index(after: colon)...]
                if afterColon.first == "\"", let close = afterColon.dropFirst().firstIndex(of: "\"") {
                    tokens.append(.field(name: name, value: String(afterColon[afterColon.index(after: afterColon.startIndex)..<close])))
                    rest = afterColon[afterColon.index(after: close)...]
                } else {
                    tokens.append(.field(name: name, value: String(piece[piece.index(after: colon)...])))
                    rest = rest[end...]
                }
            } else {
                tokens.append(.word(String(piece)))
                rest = rest[end...]
            }
        }
        return tokens
    }
}

/// Word splitting shared by the query parser and the highlighter: letters and digits, lower-cased.
public enum TextCase {
    public static func words(of text: some StringProtocol) -> [String] {
        var words: [String] = []
        var word = ""
        for character in text.lowercased() {
            if character.isLetterOrDigit {
                word.append(character)
            } else if !word.isEmpty {
                words.append(word)
                word = ""
            }
        }
        if !word.isEmpty { words.append(word) }
        return words
    }

    static func isSeparator(_ scalar: Unicode.Scalar) -> Bool {
        !(scalar.properties.isAlphabetic || scalar.properties.numericType != nil)
    }
}

extension Character {
    var isLetterOrDigit: Bool { isLetter || isNumber }
}

extension StringProtocol {
    func trimmingSpaces() -> String {
        String(drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
    }
}
