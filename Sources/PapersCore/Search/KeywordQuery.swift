/// The words of a keyword search, as both engines' full-text indexes take them: letters and digits only (so no
/// index syntax can be smuggled in), lower-cased, each once, at most `maximumTerms`.
public struct KeywordQuery: Sendable, Equatable {
    public static let maximumTerms = 32

    public let terms: [String]

    public init(_ text: String) {
        var terms: [String] = []
        var seen = Set<String>()
        var word = ""
        func finish() {
            if !word.isEmpty, terms.count < Self.maximumTerms, seen.insert(word).inserted { terms.append(word) }
            word = ""
        }
        for character in text.lowercased() {
            if character.isLetter || character.isNumber { word.append(character) } else { finish() }
        }
        finish()
        self.terms = terms
    }

    public var isEmpty: Bool { terms.isEmpty }
}

/// One paper a keyword search found, with the engine's relevance score (higher is better).
public struct KeywordHit: Sendable, Equatable {
    public let paperId: String
    public let score: Double

    public init(paperId: String, score: Double) {
        self.paperId = paperId
        self.score = score
    }
}
