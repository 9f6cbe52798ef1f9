/// Rules for paper ids: recognising arXiv ids and deriving a stable id for papers without one.
public enum PaperIdentity {
    /// The prefix of ids DailyPapers derives for papers without an arXiv id.
    public static let derivedPrefix = "dp-"

    /// Whether `text` is a modern (`2410.11779`, optionally with a version) or old-style (`quant-ph/0210005`) arXiv id.
    public static func isArxivId(_ text: String) -> Bool {
        normalizedArxivId(text) != nil
    }

    /// The arXiv id in `text` without its version suffix, or nil when `text` is not an arXiv id.
    public static func normalizedArxivId(_ text: String) -> String? {
        let trimmed = text.trimmingWhitespace()
        let withoutVersion = stripVersion(trimmed)
        if isModernId(withoutVersion) || isOldStyleId(withoutVersion) { return withoutVersion }
        return nil
    }

    /// A stable id for a paper without an arXiv id: the same title always gives the same id.
    public static func derivedId(forTitle title: String) -> String {
        let normalized = title.lowercased().split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in normalized.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return derivedPrefix + String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// Whether `text` has the shape of an id that could name a paper here (arXiv or derived).
    public static func isPlausiblePaperId(_ text: String) -> Bool {
        if isArxivId(text) { return true }
        guard text.hasPrefix(derivedPrefix) else { return false }
        let hex = text.dropFirst(derivedPrefix.count)
        return hex.count == 16 && hex.allSatisfy { $0.isHexDigit }
    }

    private static func stripVersion(_ id: String) -> String {
        guard let vIndex = id.lastIndex(of: "v") else { return id }
        let digits = id[id.index(after: vIndex)...]
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return id }
        return String(id[..<vIndex])
    }

    private static func isModernId(_ id: String) -> Bool {
        let parts = id.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return false }
        let yymm = parts[0]
        let number = parts[1]
        return yymm.count == 4 && allDigits(yymm) && (4...5).contains(number.count) && allDigits(number)
    }

    private static func isOldStyleId(_ id: String) -> Bool {
        let parts = id.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[1].count == 7, allDigits(parts[1]) else { return false }
        let archive = parts[0]
        // `math.AG`, `hep-th`, `quant-ph`: a letter first, then letters, `-` and `.` (never `..`, which ids that
        // become paths must not hold).
        guard let first = archive.first, first.isASCII, first.isLowercase, !archive.contains("..") else { return false }
        return archive.allSatisfy { $0.isASCII && ($0.isLetter || $0 == "-" || $0 == ".") }
    }

    private static func allDigits(_ text: Substring) -> Bool {
        text.allSatisfy { $0.isASCII && $0.isNumber }
    }
}

extension String {
    /// The string without leading and trailing white space.
    public func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.isWhitespace })
        else { return "" }
        return String(scalars[first...last])
    }

    /// The string with every run of white space (including line breaks) folded into one space, trimmed.
    public func collapsingWhitespace() -> String {
        guard needsCollapsing else { return self }
        var result = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in unicodeScalars {
            if scalar.isWhitespace {
                pendingSpace = !result.isEmpty
                continue
            }
            if pendingSpace {
                result.append(" ")
                pendingSpace = false
            }
            result.append(scalar)
        }
        return String(result)
    }

    /// Whether `collapsingWhitespace` would change the string: most source text is already clean, and checking is
    /// far cheaper than rebuilding.
    private var needsCollapsing: Bool {
        var previousWasSpace = true  // A leading space needs trimming.
        for scalar in unicodeScalars {
            guard scalar.isWhitespace else {
                previousWasSpace = false
                continue
            }
            if previousWasSpace || scalar != " " { return true }
            previousWasSpace = true
        }
        return previousWasSpace && !isEmpty
    }
}

extension Unicode.Scalar {
    /// White space by Unicode's definition, with a fast path for ASCII (the Unicode property lookup is slow).
    var isWhitespace: Bool {
        value < 0x80 ? (value == 0x20 || (0x09...0x0D).contains(value)) : properties.isWhitespace
    }
}
