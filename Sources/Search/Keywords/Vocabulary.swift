import PapersCore
import Storage

/// The terms of a keyword index: word → stemmed term, with English stop words left out of the index.
///
/// Each distinct word is stemmed once; after that a word costs one dictionary look-up. Not thread-safe: the
/// index guards it with its lock.
struct Vocabulary {
    /// What a word stands for: its term number, or `stopWord`.
    private var termOfWord: [String: Int32] = [:]
    private var termOfStem: [String: Int32] = [:]
    /// The stem of each term, by term number.
    private(set) var stems: [String] = []
    /// Stems in alphabetical order, for prefix look-ups; terms added since the last sort are in `unsortedTerms`.
    private var sortedTerms: [Int32] = []
    private var unsortedTerms: [Int32] = []

    static let stopWord: Int32 = -1

    var count: Int { stems.count }

    /// The term of a word as it appears in a paper, added when new; nil for a stop word.
    mutating func term(forWord bytes: UnsafeBufferPointer<UInt8>) -> Int32? {
        let word = String(decoding: bytes, as: UTF8.self)
        if let known = termOfWord[word] { return known == Self.stopWord ? nil : known }
        let term = StopWords.english.contains(word) ? Self.stopWord : term(forStem: String(decoding: PorterStemmer.stem(Array(bytes)), as: UTF8.self))
        termOfWord[word] = term
        return term == Self.stopWord ? nil : term
    }

    private mutating func term(forStem stem: String) -> Int32 {
        if let known = termOfStem[stem] { return known }
        let term = Int32(stems.count)
        stems.append(stem)
        termOfStem[stem] = term
        unsortedTerms.append(term)
        return term
    }

    /// How a query word is looked up: its stem's term if any paper has it, `.stopWord` when the index leaves it out.
    enum Lookup: Equatable {
        case term(Int32)
        case stopWord
        case unknown
    }

    func lookUp(_ word: String) -> Lookup {
        if StopWords.english.contains(word) { return .stopWord }
        let stem = String(decoding: PorterStemmer.stem(Array(word.utf8)), as: UTF8.self)
        return termOfStem[stem].map(Lookup.term) ?? .unknown
    }

    /// Terms whose stem starts with `prefix` (as SQLite's `"pre"*` matches stemmed tokens).
    func terms(withPrefix prefix: String) -> [Int32] {
        let start = sortedTerms.partitionPoint { stems[Int($0)] < prefix }
        var matches: [Int32] = []
        for term in sortedTerms[start...] {
            guard stems[Int(term)].hasPrefix(prefix) else { break }
            matches.append(term)
        }
        return matches + unsortedTerms.filter { stems[Int($0)].hasPrefix(prefix) }
    }

    /// Merges recently added terms into the sorted list once there are many of them (or always, with `all`).
    mutating func sortNewTerms(all: Bool = false) {
        guard unsortedTerms.count >= (all ? 1 : 1_000) else { return }
        let stems = self.stems
        let added = unsortedTerms.sorted { stems[Int($0)] < stems[Int($1)] }
        var merged: [Int32] = []
        merged.reserveCapacity(sortedTerms.count + added.count)
        var old = 0
        for term in added {
            while old < sortedTerms.count, stems[Int(sortedTerms[old])] < stems[Int(term)] {
                merged.append(sortedTerms[old])
                old += 1
            }
            merged.append(term)
        }
        merged += sortedTerms[old...]
        sortedTerms = merged
        unsortedTerms.removeAll()
    }
}

extension Array {
    /// The index of the first element for which `isBefore` is false, for an array partitioned by it.
    func partitionPoint(_ isBefore: (Element) -> Bool) -> Int {
        var low = 0
        var high = count
        while low < high {
            let middle = (low + high) / 2
            if isBefore(self[middle]) { low = middle + 1 } else { high = middle }
        }
        return low
    }
}

extension Vocabulary {
    /// A paper's terms, each once with its field-weighted frequency, and its length in words (stop words included).
    mutating func analyze(_ paper: SearchablePaper) -> (terms: [(term: Int32, frequency: Int)], length: Int) {
        var occurrences: [UInt64] = []
        var length = 0
        let fields: [(text: String, weight: Int)] = [
            (paper.title, BM25.titleWeight), (paper.abstract, BM25.abstractWeight),
            (paper.authors.joined(separator: " "), BM25.authorsWeight), (paper.organization.joined(separator: " "), BM25.organizationWeight),
        ]
        for field in fields {
            WordSplitter.forEachWord(in: field.text) { word in
                length += 1
                if let term = self.term(forWord: word) { occurrences.append(UInt64(term) << 8 | UInt64(field.weight)) }
            }
            // A hyphenated word also counts whole: `few-shot` matches a query's `few-shot` better than `few` and `shot`
            // apart, which the commonest words of the field also hold.
            WordSplitter.forEachCompound(in: field.text) { word in
                if let term = self.term(forWord: word) { occurrences.append(UInt64(term) << 8 | UInt64(field.weight)) }
            }
        }
        occurrences.sort()
        var terms: [(term: Int32, frequency: Int)] = []
        for occurrence in occurrences {
            let term = Int32(occurrence >> 8)
            let weight = Int(occurrence & 0xFF)
            if terms.last?.term == term { terms[terms.count - 1].frequency += weight } else { terms.append((term, weight)) }
        }
        return (terms, length)
    }
}
