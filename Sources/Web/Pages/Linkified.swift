import PapersCore

/// Text with its http(s) addresses made links (`rel="nofollow ugc"`), everything escaped: an abstract's code and
/// project links become clickable. One pass over the text.
enum Linkified {
    static func html(_ text: String) -> HTML {
        var parts: [HTML] = []
        var rest = Substring(text)
        while let start = nextAddress(in: rest) {
            parts.append("\(String(rest[..<start]))")
            let end = rest[start...].firstIndex(where: { $0.isWhitespace || $0 == "<" || $0 == ">" || $0 == "\"" }) ?? rest.endIndex
            var address = rest[start..<end]
            // Sentence punctuation after an address is the sentence's, not the address's.
            while let last = address.last, ".,;:!?)]}'".contains(last) { address = address.dropLast() }
            let url = String(address)
            parts.append(url.count > 8 && TextEncoding.isWebURL(url) ? "<a href=\"\(url)\" rel=\"nofollow ugc\">\(url)</a>" : "\(url)")
            rest = rest[address.endIndex...]
        }
        parts.append("\(String(rest))")
        return HTML(joining: parts)
    }

    private static func nextAddress(in text: Substring) -> Substring.Index? {
        guard let http = text.range(of: "http") else { return nil }
        var search = http.lowerBound
        while search < text.endIndex, let found = text[search...].range(of: "http") {
            let tail = text[found.upperBound...]
            if tail.hasPrefix("://") || tail.hasPrefix("s://") { return found.lowerBound }
            search = found.upperBound
        }
        return nil
    }
}
