/// A search as the user typed it, parsed: words ranked by relevance, required phrases, excluded words, and filters.
///
/// Syntax: `"exact phrase"`, `-word`, `author:"Name"` (or `author:name`), `org:nvidia`, `cat:cs.CL`, `has:code`, `after:2025-01-01`,
/// `before:2025-06-30`, `year:2024`. Anything malformed (an unclosed quote, an unknown field, a bad date) is read as
/// plain words, never an error. Words keep letters and digits only, lower-cased, so no index syntax gets through.
public struct KeywordQuery: Sendable, Equatable {
    /// The most words a query ranks by: a longer one (an abstract pasted to find related work) is narrowed to its
    /// most informative words by `narrowed(to:documentFrequency:)`.
    public static let maximumTerms = 32
    /// The most distinct words kept from any text (a 4,000-character query has fewer).
    static let maximumWords = 1_000
    /// The most phrases and excluded words a query demands: each is a condition every candidate is checked against, so
    /// a query cannot make one search cost more than a bounded amount. Past them, a phrase's words rank as words.
    public static let maximumPhrases = 16
    public static let maximumExcluded = 64

    /// Words of which any may match, ranked by relevance.
    public private(set) var terms: [String] = []
    /// A last word matched as the start of longer words (`atten` → attention), when searching as the user types.
    public private(set) var prefix: String?
    /// Phrases that must appear, each as its sequence of words.
    public private(set) var phrases: [[String]] = []
    /// Hyphenated words as one (`few-shot` → `fewshot`), which rank papers holding the whole word above those with its parts.
    public private(set) var compounds: [String] = []
    /// The words and phrases as typed, operators left out: what the embedding model reads.
    private var freeText: [String] = []
    /// Words that must not appear.
    public private(set) var excluded: [String] = []
    /// Lower-cased parts of author names, each of which some author must contain.
    public private(set) var authors: [String] = []
    /// Lower-cased organization names (the short name or the full one).
    public private(set) var organizations: [String] = []
    /// Lower-cased arXiv categories (`cat:cs.CL`): a paper must be in each.
    public private(set) var categories: [String] = []
    /// `has:code`: only papers with a code repository (Hugging Face's, or a GitHub or GitLab link in the abstract).
    public private(set) var hasCode = false
    /// Papers published on or after this day.
    public private(set) var publishedFrom: Day?
    /// Papers published before this day.
    public private(set) var publishedBefore: Day?

    /// Parses `text`. With `prefixLastWord`, a last word not yet ended by a space is matched as a prefix.
    public init(_ text: String, prefixLastWord: Bool = false) {
        var seen = Set<String>()
        for token in QueryTokenizer.tokens(of: text) { add(token, seen: &seen) }
        if prefixLastWord, let last = text.unicodeScalars.last, !TextCase.isSeparator(last), let word = terms.last,
            !text.hasSuffix("\"")
        {
            terms.removeLast()
            prefix = word
        }
    }

    /// True when the query selects papers by words (not only by filters).
    public var hasWords: Bool { !terms.isEmpty || prefix != nil || !phrases.isEmpty }

    /// True when nothing at all was asked.
    public var isEmpty: Bool { !hasWords && !hasFilters && excluded.isEmpty }

    public var hasFilters: Bool {
        !authors.isEmpty || !organizations.isEmpty || !categories.isEmpty || hasCode || publishedFrom != nil || publishedBefore != nil
    }

    /// The words a results page marks: those that rank (`rankedTerms`), the prefix and the phrases' words — stop
    /// words only when the query has nothing else, so "how can a robot …" marks robots, not every "a" and "can".
    public var highlightedWords: [String] {
        let phraseWords = phrases.flatMap { $0 }
        let meaningfulPhraseWords = phraseWords.filter { !StopWords.english.contains($0) }
        let marked = rankedTerms + (prefix.map { [$0] } ?? []) + meaningfulPhraseWords
        return marked.isEmpty ? phraseWords : marked
    }

    /// The query's meaning as free text, for the embedding model: its words and phrases, without operators.
    public var meaningText: String { freeText.joined(separator: " ") }

    private mutating func add(_ token: QueryTokenizer.Token, seen: inout Set<String>) {
        switch token {
            case .phrase(let text):
                freeText.append(text)
                let words = TextCase.words(of: text)
                if words.count > 1, phrases.count < Self.maximumPhrases {
                    phrases.append(words)
                } else {
                    for word in words { addTerm(word, seen: &seen) }
                }
            case .excluded(let text):
                for word in TextCase.words(of: text) where excluded.count < Self.maximumExcluded && !excluded.contains(word) {
                    excluded.append(word)
                }
            case .field(let name, let value):
                if !addFilter(name: name.lowercased(), value: value) {
                    freeText.append(name + " " + value)
                    for word in TextCase.words(of: name + " " + value) { addTerm(word, seen: &seen) }
                }
            case .word(let text):
                freeText.append(text)
                let words = TextCase.words(of: text)
                for word in words { addTerm(word, seen: &seen) }
                if words.count > 1, text.contains("-"), compounds.count < Self.maximumWords { compounds.append(words.joined()) }
        }
    }

    private mutating func addTerm(_ word: String, seen: inout Set<String>) {
        if terms.count < Self.maximumWords, seen.insert(word).inserted { terms.append(word) }
    }

    /// Applies a `field:value` filter; false when the field is unknown or the value is not valid for it.
    private mutating func addFilter(name: String, value: String) -> Bool {
        let trimmed = value.trimmingSpaces()
        guard !trimmed.isEmpty, !trimmed.contains("\"") else { return false }
        switch name {
            case "author", "authors":
                authors.append(trimmed.lowercased())
            case "org", "organization":
                organizations.append(trimmed.lowercased())
            case "has":
                guard trimmed.lowercased() == "code" else { return false }
                hasCode = true
            case "cat", "category":
                guard ArxivCategory.isValid(trimmed.lowercased()) else { return false }
                categories.append(trimmed.lowercased())
            case "after", "since":
                guard let day = Day(iso: trimmed) else { return false }
                publishedFrom = max(publishedFrom ?? day, day)
            case "before", "until":
                guard let day = Day(iso: trimmed) else { return false }
                publishedBefore = min(publishedBefore ?? day, day)
            case "year":
                guard trimmed.count == 4, let year = Int(trimmed), let first = Day(year: year, month: 1, day: 1),
                    let next = Day(year: year + 1, month: 1, day: 1)
                else { return false }
                publishedFrom = max(publishedFrom ?? first, first)
                publishedBefore = min(publishedBefore ?? next, next)
            default:
                return false
        }
        return true
    }
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

extension KeywordQuery {
    /// The query ranked by at most `limit` of its words and hyphenated words together: the rarest ones in the
    /// papers (`documentFrequency`: how many papers hold a word, nil for none), in the order they were typed; words
    /// no paper holds are dropped. A query of `limit` words or fewer is returned as it is.
    public func narrowed(to limit: Int = maximumTerms, documentFrequency: (String) -> Int?) -> KeywordQuery {
        guard terms.count > limit else { return self }
        let candidates = (terms + compounds).enumerated().compactMap { position, word in documentFrequency(word).map { (position, $0) } }
        let kept = Set(candidates.sorted { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }.prefix(limit).map(\.0))
        var narrowed = self
        narrowed.terms = terms.indices.filter(kept.contains).map { terms[$0] }
        narrowed.compounds = compounds.indices.filter { kept.contains(terms.count + $0) }.map { compounds[$0] }
        return narrowed
    }
}
