/// The arXiv ids a pasted text names, in order and once each: a list of ids, arXiv URLs (`/abs/`, `/pdf/`),
/// `arXiv:` references, arXiv DOIs (`10.48550/arXiv.…`) or a BibTeX file (its `eprint` fields). One pass over the
/// text; a version suffix is dropped.
public enum ArxivIdScanner {
    public static func ids(in text: String) -> [String] {
        var found: [String] = []
        var seen: Set<String> = []
        for token in text.split(whereSeparator: isSeparator) {
            guard let id = arxivId(in: token), seen.insert(id).inserted else { continue }
            found.append(id)
        }
        return found
    }

    /// Separators between candidate ids: white space and the punctuation of lists and BibTeX.
    private static func isSeparator(_ character: Character) -> Bool {
        character.isWhitespace || ",;{}\"'()[]<>=|".contains(character)
    }

    private static func arxivId(in token: Substring) -> String? {
        var candidate = token
        for marker in ["arxiv.org/abs/", "arxiv.org/pdf/", "arxiv:", "arxiv."] {
            if let range = candidate.range(of: marker, options: .caseInsensitive) { candidate = candidate[range.upperBound...] }
        }
        if candidate.hasSuffix(".pdf") { candidate = candidate.dropLast(4) }
        while let last = candidate.last, last == "." || last == "/" { candidate = candidate.dropLast() }
        return PaperIdentity.normalizedArxivId(String(candidate))
    }
}
