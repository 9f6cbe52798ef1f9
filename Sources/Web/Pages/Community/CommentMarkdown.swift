import PapersCore

/// The Markdown subset comments may use: paragraphs, line breaks, `code`, **strong**, *emphasis*, [links](https://…)
/// and bare http(s) URLs. Links get `rel="nofollow ugc"`. Everything else, raw HTML included, is shown as text.
enum CommentMarkdown {
    static func render(_ text: String) -> HTML {
        let normalized = text.replacingLineEndings()
        let paragraphs = normalized.paragraphs()
        return HTML(joining: paragraphs.map { paragraph in
            let lines = paragraph.split(separator: "\n", omittingEmptySubsequences: false).map { inline(Array($0)) }
            return "<p>\(HTML(joining: lines, separator: "<br>"))</p>"
        })
    }

    /// Inline markup of one line.
    static func inline(_ characters: [Character], allowLinks: Bool = true) -> HTML {
        var parts: [HTML] = []
        var plain = ""
        var index = 0
        func flush() {
            if !plain.isEmpty { parts.append("\(plain)") }
            plain = ""
        }
        while index < characters.count {
            let character = characters[index]
            if character == "`", let end = find("`", in: characters, from: index + 1) {
                flush()
                parts.append("<code>\(String(characters[(index + 1)..<end]))</code>")
                index = end + 1
            } else if character == "*", index + 1 < characters.count, characters[index + 1] == "*",
                      let end = find("**", in: characters, from: index + 2), end > index + 2 {
                flush()
                parts.append("<strong>\(inline(Array(characters[(index + 2)..<end]), allowLinks: allowLinks))</strong>")
                index = end + 2
            } else if character == "*" || character == "_", let end = find(String(character), in: characters, from: index + 1), end > index + 1,
                      characters[index + 1] != " " {
                flush()
                parts.append("<em>\(inline(Array(characters[(index + 1)..<end]), allowLinks: allowLinks))</em>")
                index = end + 1
            } else if allowLinks, character == "[", let link = bracketLink(characters, from: index) {
                flush()
                parts.append("<a href=\"\(link.url)\" rel=\"nofollow ugc\">\(inline(link.text, allowLinks: false))</a>")
                index = link.end
            } else if allowLinks, character == "h", let url = bareURL(characters, from: index) {
                flush()
                parts.append("<a href=\"\(url)\" rel=\"nofollow ugc\">\(url)</a>")
                index += url.count
            } else {
                plain.append(character)
                index += 1
            }
        }
        flush()
        return HTML(joining: parts)
    }

    private static func find(_ marker: String, in characters: [Character], from start: Int) -> Int? {
        let needle = Array(marker)
        guard start <= characters.count - needle.count else { return nil }
        for index in start...(characters.count - needle.count) where Array(characters[index..<(index + needle.count)]) == needle {
            return index
        }
        return nil
    }

    /// `[text](http…)`: the text, the URL and the index after the closing parenthesis.
    private static func bracketLink(_ characters: [Character], from start: Int) -> (text: [Character], url: String, end: Int)? {
        guard let close = find("](", in: characters, from: start + 1), let end = find(")", in: characters, from: close + 2) else { return nil }
        let url = String(characters[(close + 2)..<end])
        guard isWebURL(url), !url.contains(" ") else { return nil }
        return (Array(characters[(start + 1)..<close]), url, end + 1)
    }

    private static func bareURL(_ characters: [Character], from start: Int) -> String? {
        var end = start
        while end < characters.count, !characters[end].isWhitespace, characters[end] != "<", characters[end] != ">" { end += 1 }
        var url = String(characters[start..<end])
        while let last = url.last, ".,;:!?)".contains(last) { url.removeLast() }
        return isWebURL(url) && url.count > 8 ? url : nil
    }

    private static func isWebURL(_ text: String) -> Bool {
        text.hasPrefix("https://") || text.hasPrefix("http://")
    }
}

extension String {
    /// The text with CRLF and CR line endings turned into LF.
    func replacingLineEndings() -> String {
        split(separator: "\r\n", omittingEmptySubsequences: false).joined(separator: "\n")
            .split(separator: "\r", omittingEmptySubsequences: false).joined(separator: "\n")
    }

    /// Paragraphs: runs of lines between blank lines, trimmed, empty ones dropped.
    func paragraphs() -> [String] {
        var paragraphs: [String] = []
        var current: [Substring] = []
        for line in split(separator: "\n", omittingEmptySubsequences: false) {
            if line.allSatisfy(\.isWhitespace) {
                if !current.isEmpty { paragraphs.append(current.joined(separator: "\n")) }
                current = []
            } else {
                current.append(line)
            }
        }
        if !current.isEmpty { paragraphs.append(current.joined(separator: "\n")) }
        return paragraphs
    }
}
