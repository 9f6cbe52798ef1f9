/// The Markdown subset comments may use: paragraphs, line breaks, `code`, **strong**, *emphasis*, [links](https://…)
/// and bare http(s) URLs. Links get `rel="nofollow ugc"`. Everything else, raw HTML included, is shown as text.
///
/// One pass in linear time whatever the input: every "where is the next marker" question is answered from tables
/// built once per comment, so no position is scanned twice (`"h" * 5000` and `"[" * 5000` cost what plain text
/// costs). Comments are rendered once, when they are written, and the HTML is stored with them.
public enum CommentMarkdown {
    /// The comment as escaped HTML.
    public static func render(_ text: String) -> String {
        var cost = 0
        return render(text, cost: &cost)
    }

    /// Renders and adds to `cost` one for each character visited and each table entry built (for the linearity tests).
    public static func render(_ text: String, cost: inout Int) -> String {
        let paragraphs = text.replacingLineEndings().paragraphs()
        var output = ""
        for paragraph in paragraphs {
            output += "<p>"
            for (number, line) in paragraph.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                if number > 0 { output += "<br>" }
                let line = InlineLine(Array(line))
                cost += line.characters.count * InlineLine.tableCount
                line.render(0..<line.characters.count, allowLinks: true, into: &output, cost: &cost)
            }
            output += "</p>"
        }
        return output
    }

    /// `text` escaped, with its bare http(s) addresses made links and no other markup read: an abstract, whose
    /// `*` and `_` are the author's, not emphasis. The same linear pass as comments.
    public static func linkingAddresses(_ text: String) -> String {
        var output = "", cost = 0
        let line = InlineLine(Array(text), addressesOnly: true)
        line.render(0..<line.characters.count, allowLinks: true, into: &output, cost: &cost)
        return output
    }
}

/// One line of a comment with, for each position, where the next marker of each kind is.
struct InlineLine {
    static let tableCount = 8
    let characters: [Character]
    /// Only bare addresses are markup (for text that is not a comment).
    let addressesOnly: Bool
    private let nextBacktick, nextStar, nextUnderscore, nextDoubleStar, nextLinkMiddle, nextCloseParen, nextURLBreak, nextSpace: [Int]

    init(_ characters: [Character], addressesOnly: Bool = false) {
        self.characters = characters
        self.addressesOnly = addressesOnly
        nextBacktick = Self.next(in: characters) { $0[$1] == "`" }
        nextStar = Self.next(in: characters) { $0[$1] == "*" }
        nextUnderscore = Self.next(in: characters) { $0[$1] == "_" }
        nextDoubleStar = Self.next(in: characters) { $1 + 1 < $0.count && $0[$1] == "*" && $0[$1 + 1] == "*" }
        nextLinkMiddle = Self.next(in: characters) { $1 + 1 < $0.count && $0[$1] == "]" && $0[$1 + 1] == "(" }
        nextCloseParen = Self.next(in: characters) { $0[$1] == ")" }
        nextURLBreak = Self.next(in: characters) { $0[$1].isWhitespace || $0[$1] == "<" || $0[$1] == ">" }
        nextSpace = Self.next(in: characters) { $0[$1] == " " }
    }

    /// For every position, the first position at or after it where `matches` holds, or `count` when none does.
    private static func next(in characters: [Character], where matches: ([Character], Int) -> Bool) -> [Int] {
        var table = [Int](repeating: characters.count, count: characters.count + 1)
        var index = characters.count - 1
        while index >= 0 {
            table[index] = matches(characters, index) ? index : table[index + 1]
            index -= 1
        }
        return table
    }

    /// Renders `range` (inline markup only) into `output`.
    func render(_ range: Range<Int>, allowLinks: Bool, into output: inout String, cost: inout Int) {
        var index = range.lowerBound
        var plainStart = index
        func flush(to end: Int) {
            if plainStart < end { output += TextEncoding.escapeHTML(String(characters[plainStart..<end])) }
        }
        while index < range.upperBound {
            cost += 1
            guard let (open, close, after, markup) = span(at: index, in: range, allowLinks: allowLinks) else {
                index += 1
                continue
            }
            flush(to: index)
            switch markup {
                case .code: output += "<code>\(TextEncoding.escapeHTML(String(characters[open..<close])))</code>"
                case .strong, .emphasis:
                    let tag = markup == .strong ? "strong" : "em"
                    output += "<\(tag)>"
                    render(open..<close, allowLinks: allowLinks, into: &output, cost: &cost)
                    output += "</\(tag)>"
                case .link(let url):
                    output += "<a href=\"\(TextEncoding.escapeHTML(url))\" rel=\"nofollow ugc\">"
                    render(open..<close, allowLinks: false, into: &output, cost: &cost)
                    output += "</a>"
                case .bareURL(let url):
                    let escaped = TextEncoding.escapeHTML(url)
                    output += "<a href=\"\(escaped)\" rel=\"nofollow ugc\">\(escaped)</a>"
            }
            index = after
            plainStart = after
        }
        flush(to: range.upperBound)
    }

    enum Markup: Equatable {
        case code, strong, emphasis, link(String), bareURL(String)
    }

    /// The markup starting at `index`: its content's bounds, the position after it, and its kind; nil for plain text.
    private func span(at index: Int, in range: Range<Int>, allowLinks: Bool) -> (Int, Int, Int, Markup)? {
        let end = range.upperBound
        if addressesOnly { return characters[index] == "h" ? bareURL(at: index, end: end) : nil }
        switch characters[index] {
            case "`":
                let close = nextBacktick[index + 1]
                return close < end ? (index + 1, close, close + 1, .code) : nil
            case "*" where index + 1 < end && characters[index + 1] == "*":
                let close = nextDoubleStar[index + 2]
                if close + 1 < end, close > index + 2 { return (index + 2, close, close + 2, .strong) }
                return emphasis(at: index, table: nextStar, end: end)
            case "*": return emphasis(at: index, table: nextStar, end: end)
            case "_": return emphasis(at: index, table: nextUnderscore, end: end)
            case "[" where allowLinks: return link(at: index, end: end)
            case "h" where allowLinks: return bareURL(at: index, end: end)
            default: return nil
        }
    }

    private func emphasis(at index: Int, table: [Int], end: Int) -> (Int, Int, Int, Markup)? {
        guard index + 1 < end, characters[index + 1] != " " else { return nil }
        let close = table[index + 1]
        return close < end && close > index + 1 ? (index + 1, close, close + 1, .emphasis) : nil
    }

    /// `[text](http…)`: the URL is checked where it stands and copied only when the link is taken.
    private func link(at index: Int, end: Int) -> (Int, Int, Int, Markup)? {
        let middle = nextLinkMiddle[index + 1]
        guard middle + 1 < end else { return nil }
        let close = nextCloseParen[middle + 2]
        guard close < end, nextSpace[middle + 2] >= close, hasWebScheme(at: middle + 2, end: close) else { return nil }
        return (index + 1, middle, close + 1, .link(String(characters[(middle + 2)..<close])))
    }

    /// A bare `http(s)://…` up to the next space or angle bracket, without trailing punctuation.
    private func bareURL(at index: Int, end: Int) -> (Int, Int, Int, Markup)? {
        guard hasWebScheme(at: index, end: end) else { return nil }
        var stop = min(nextURLBreak[index], end)
        while stop > index, ".,;:!?)".contains(characters[stop - 1]) { stop -= 1 }
        guard stop - index > 8 else { return nil }
        return (index, stop, stop, .bareURL(String(characters[index..<stop])))
    }

    private func hasWebScheme(at index: Int, end: Int) -> Bool {
        for scheme in ["https://", "http://"] {
            let count = scheme.count
            if index + count <= end, zip(characters[index..<(index + count)], scheme).allSatisfy({ $0 == $1 }) { return true }
        }
        return false
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
