import Foundation

/// The all-MiniLM-L6-v2 tokenizer: BERT normalisation, splitting on white space and punctuation, then greedy
/// longest-match WordPiece against `vocab.txt`, framed by `[CLS]` … `[SEP]` and cut to `maximumLength` tokens.
public struct WordPieceTokenizer: Sendable {
    /// Words longer than this many characters become `[UNK]` whole, as in the reference.
    static let maximumWordLength = 100

    public let maximumLength: Int
    private let ids: [String: Int32]
    private let normalizer = TextNormalizer()
    let classifierId: Int32
    let separatorId: Int32
    let unknownId: Int32

    /// Reads a vocabulary file: one token per line, its id being its line number from 0.
    public init(vocabularyFile: URL, maximumLength: Int = 256) throws {
        let text = try String(contentsOf: vocabularyFile, encoding: .utf8)
        var ids: [String: Int32] = [:]
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let token = line.hasSuffix("\r") ? String(line.dropLast()) : String(line)
            if !token.isEmpty, ids[token] == nil { ids[token] = Int32(index) }
        }
        try self.init(vocabulary: ids, maximumLength: maximumLength)
    }

    public init(vocabulary: [String: Int32], maximumLength: Int = 256) throws {
        guard let cls = vocabulary["[CLS]"], let sep = vocabulary["[SEP]"], let unk = vocabulary["[UNK]"] else {
            throw EmbeddingError.invalidModel("the vocabulary has no [CLS], [SEP] or [UNK] token")
        }
        guard maximumLength >= 2 else { throw EmbeddingError.invalidModel("the token limit must leave room for [CLS] and [SEP]") }
        self.ids = vocabulary
        self.maximumLength = maximumLength
        self.classifierId = cls
        self.separatorId = sep
        self.unknownId = unk
    }

    /// The token ids the model reads for `text`, `[CLS]` and `[SEP]` included.
    public func encode(_ text: String) -> [Int32] {
        var tokens: [Int32] = [classifierId]
        let room = maximumLength - 1
        for word in words(of: normalizer.normalize(text)) {
            appendPieces(of: word, to: &tokens)
            if tokens.count >= room { break }
        }
        if tokens.count > room { tokens.removeLast(tokens.count - room) }
        tokens.append(separatorId)
        return tokens
    }

    /// Splits normalised text on white space and sets every punctuation character apart.
    func words(of text: String) -> [Substring.UnicodeScalarView] {
        var words: [Substring.UnicodeScalarView] = []
        let scalars = Substring(text).unicodeScalars
        var start = scalars.startIndex
        var index = start
        while index < scalars.endIndex {
            let scalar = scalars[index]
            let next = scalars.index(after: index)
            if TextNormalizer.isWhitespace(scalar) {
                if start < index { words.append(scalars[start..<index]) }
                start = next
            } else if TextNormalizer.isPunctuation(scalar) {
                if start < index { words.append(scalars[start..<index]) }
                words.append(scalars[index..<next])
                start = next
            }
            index = next
        }
        if start < scalars.endIndex { words.append(scalars[start..<scalars.endIndex]) }
        return words
    }

    /// Greedy longest-match-first: the longest vocabulary entry at the start, then `##`-prefixed continuations.
    /// A word with any part the vocabulary lacks is one `[UNK]`.
    private func appendPieces(of word: Substring.UnicodeScalarView, to tokens: inout [Int32]) {
        let scalars = Array(word)
        guard scalars.count <= Self.maximumWordLength else {
            tokens.append(unknownId)
            return
        }
        var pieces: [Int32] = []
        var start = 0
        while start < scalars.count {
            var end = scalars.count
            var found: Int32?
            while start < end {
                var candidate = start > 0 ? "##" : ""
                candidate.unicodeScalars.append(contentsOf: scalars[start..<end])
                if let id = ids[candidate] {
                    found = id
                    break
                }
                end -= 1
            }
            guard let id = found else {
                tokens.append(unknownId)
                return
            }
            pieces.append(id)
            start = end
        }
        tokens.append(contentsOf: pieces)
    }
}

/// Why a model could not be loaded or run.
public enum EmbeddingError: Error, Equatable, CustomStringConvertible {
    case missingFile(String)
    case invalidModel(String)

    public var description: String {
        switch self {
            case .missingFile(let path): "model file not found: \(path)"
            case .invalidModel(let reason): "the model files cannot be used: \(reason)"
        }
    }
}
