/// The TeX that arXiv titles and abstracts carry (`$τ$-bench`, `$\nabla^2$DFT`, `\textsc{AIEV-Instruct}`, `27.3\%`),
/// turned into plain Unicode text for people to read. Math is only what TeX itself would read as math: a `$` that
/// opens before a non-space and closes after one, so prices ("Earn $1 Million", "under $0.1") stay as written.
/// One pass over the text; groups nest at most `TeXConverter.maximumDepth` deep, so the time is linear.
public enum TeXText {
    /// `text` without TeX markup; text without `$` or `\` is returned as it is.
    public static func plain(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == UInt8(ascii: "$") || $0 == UInt8(ascii: "\\") }) else { return text }
        var converter = TeXConverter(Array(text))
        return converter.convert()
    }
}

/// The converter behind `TeXText.plain`: a recursive descent over the characters, writing into `output`.
struct TeXConverter {
    static let maximumDepth = 16
    private let text: [Character]
    private var index = 0
    private var output: [Character] = []
    private var depth = 0

    init(_ text: [Character]) {
        self.text = text
        output.reserveCapacity(text.count)
    }

    mutating func convert() -> String {
        run(until: text.count, math: false)
        return String(output)
    }

    /// Converts tokens until `end`, or until the `}` closing the current group (which is consumed).
    private mutating func run(until end: Int, math: Bool) {
        while index < end {
            if text[index] == "}" && depth > 0 {
                index += 1
                return
            }
            token(until: end, math: math)
        }
    }

    /// Converts one token: a character, a command with its argument, a group, or a whole math span.
    private mutating func token(until end: Int, math: Bool) {
        let character = text[index]
        switch character {
            case "\\":
                command(until: end, math: math)
            case "{" where math || (index + 1 < end && text[index + 1] == "\\"):
                // In text, braces are only TeX's when they group a command (`{\em …}`); others are the author's.
                group(until: end, math: math)
            case "$" where !math:
                dollar()
            case "^" where math, "_" where math:
                index += 1
                script(character == "^" ? TeXSymbols.superscripts : TeXSymbols.subscripts, marker: character, until: end)
            case "~" where math:
                output.append(" ")
                index += 1
            default:
                output.append(character)
                index += 1
        }
    }

    private mutating func group(until end: Int, math: Bool) {
        guard depth < Self.maximumDepth else {
            output.append("{")
            index += 1
            return
        }
        index += 1
        depth += 1
        run(until: end, math: math)
        depth -= 1
    }

    /// A `$…$` (or `$$…$$`) span that TeX would read as math, converted; any other `$` is a dollar sign.
    private mutating func dollar() {
        let width = index + 1 < text.count && text[index + 1] == "$" ? 2 : 1
        let start = index + width
        guard let close = closingDollar(from: start, width: width) else {
            output.append("$")
            index += 1
            return
        }
        index = start
        let outer = depth
        depth = 0
        run(until: close, math: true)
        depth = outer
        index = close + width
    }

    /// Where the math opened before `start` closes, if it does: the next unescaped `$` (so each part of the text
    /// is looked at a bounded number of times), not after a space nor before a digit.
    private func closingDollar(from start: Int, width: Int) -> Int? {
        guard start < text.count, !text[start].isWhitespace, text[start] != "$" else { return nil }
        var position = start
        while position < text.count {
            if text[position] == "\\" {
                position += 2
                continue
            }
            if text[position] == "$" { break }
            position += 1
        }
        guard position < text.count, position + width <= text.count, !text[position - 1].isWhitespace else { return nil }
        if width == 2 && (position + 1 >= text.count || text[position + 1] != "$") { return nil }
        if width == 1, position + 1 < text.count, text[position + 1].isNumber { return nil }
        return position
    }

    /// `^2`, `^{n+1}`, `_t`: written with super- or subscript characters when every one has such a form.
    private mutating func script(_ table: [Character: Character], marker: Character, until end: Int) {
        guard index < end else { return }
        let start = output.count
        token(until: end, math: true)
        let written = output[start...]
        let mapped = written.compactMap { table[$0] }
        if mapped.count == written.count {
            output.replaceSubrange(start..., with: mapped)
        } else {
            let wrapped: [Character] = written.count == 1 ? [marker] + written : [marker, "("] + written + [")"]
            output.replaceSubrange(start..., with: wrapped)
        }
    }

    /// A backslash and what follows it: a named command, an escaped character, an accent, or `\(…\)` math.
    private mutating func command(until end: Int, math: Bool) {
        index += 1
        guard index < end else {
            output.append("\\")
            return
        }
        let next = text[index]
        guard next.isASCII && next.isLetter else {
            index += 1
            if let accent = TeXSymbols.accents[next], index < end, text[index].isLetter || text[index] == "{" {
                accented(accent, until: end, math: math)
            } else if next == "(" && !math, let close = closingParenthesis(from: index) {
                run(until: close, math: true)
                index = close + 2
            } else {
                output.append(contentsOf: TeXSymbols.escaped[next] ?? String(next))
            }
            return
        }
        let start = index
        while index < end, text[index].isASCII, text[index].isLetter { index += 1 }
        named(String(text[start..<index]), until: end, math: math)
        // `\method{} achieves`: the empty group only ends the command's name.
        if index + 1 < end, text[index] == "{", text[index + 1] == "}" { index += 2 }
    }

    private mutating func named(_ name: String, until end: Int, math: Bool) {
        if let symbol = TeXSymbols.commands[name] {
            if math, TeXSymbols.operators.contains(name), let last = output.last, last.isLetter || last.isNumber || last == ")" {
                output.append(" ")
            }
            output.append(contentsOf: symbol)
        } else if TeXSymbols.styles.contains(name) {
            argument(until: end, math: math)
        } else if TeXSymbols.dropped.contains(name) {
            skipGroup(until: end)
        } else if name == "mathbb" {
            let start = output.count
            argument(until: end, math: math)
            let written = output[start...].map { TeXSymbols.doubleStruck[$0] ?? String($0) }.joined()
            output.replaceSubrange(start..., with: Array(written))
        } else if name == "frac" {
            wrapped(until: end, math: math)
            output.append("/")
            wrapped(until: end, math: math)
        } else if name == "sqrt" {
            output.append("√")
            wrapped(until: end, math: math)
        } else if name == "href" {
            skipGroup(until: end)
            argument(until: end, math: math)
        } else {
            // An author's own macro (`\method`, `\ours`): its name is the best reading there is.
            output.append(contentsOf: name)
        }
    }

    /// The command's argument: the group after it (spaces between are TeX's, not the text's), or nothing.
    private mutating func argument(until end: Int, math: Bool) {
        var position = index
        while position < end, text[position] == " " { position += 1 }
        guard position < end, text[position] == "{" else { return }
        index = position
        group(until: end, math: math)
    }

    /// An argument in parentheses when it is longer than one character, as in `(a+b)/2`.
    private mutating func wrapped(until end: Int, math: Bool) {
        let start = output.count
        argument(until: end, math: math)
        if output.count - start > 1 {
            output.insert("(", at: start)
            output.append(")")
        }
    }

    private mutating func accented(_ accent: Character, until end: Int, math: Bool) {
        if text[index] == "{" {
            argument(until: end, math: math)
        } else {
            output.append(text[index])
            index += 1
        }
        output.append(accent)
    }

    /// Steps over a `{…}` argument without writing it (a colour, a citation key).
    private mutating func skipGroup(until end: Int) {
        var position = index
        while position < end, text[position] == " " { position += 1 }
        guard position < end, text[position] == "{" else { return }
        var open = 0
        while position < end {
            if text[position] == "{" { open += 1 }
            if text[position] == "}" {
                open -= 1
                if open == 0 { break }
            }
            position += 1
        }
        index = min(position + 1, end)
    }

    private func closingParenthesis(from start: Int) -> Int? {
        // The search stops at the next `\(` too, so that each part of the text is looked at a bounded number of times.
        var position = start
        while position + 1 < text.count {
            if text[position] == "\\" && text[position + 1] == ")" { return position }
            if text[position] == "\\" && text[position + 1] == "(" { return nil }
            position += 1
        }
        return nil
    }
}
