import PapersCore

/// Checks every imported paper must pass, whatever its format.
enum Validation {
    static let maxTitleLength = 1_000
    static let maxAbstractLength = 100_000
    static let maxAuthors = 5_000
    static let maxFieldLength = 10_000

    /// The title, white space folded, or an error when it is missing, empty or too long.
    static func title(_ raw: String?) throws(RecordError) -> String {
        guard let raw else { throw RecordError(field: "title", "is missing") }
        let title = withoutControls(raw).collapsingWhitespace()
        guard !title.isEmpty else { throw RecordError(field: "title", "is empty") }
        try limit(title, field: "title", to: maxTitleLength)
        return title
    }

    /// The abstract with arXiv's hard line breaks folded, or an error when it is too long.
    static func abstract(_ raw: String?, field: String = "abstract") throws(RecordError) -> String {
        let abstract = withoutControls(raw ?? "").collapsingWhitespace()
        try limit(abstract, field: field, to: maxAbstractLength)
        return abstract
    }

    /// Long text kept as given (line breaks and all), without control characters but white space; nil when empty.
    static func longText(_ raw: String?, field: String) throws(RecordError) -> String? {
        guard let value = raw.map(withoutControls)?.trimmingWhitespace(), !value.isEmpty else { return nil }
        try limit(value, field: field, to: maxAbstractLength)
        return value
    }

    static func authors(_ names: [String], field: String = "authors") throws(RecordError) -> [String] {
        guard names.count <= maxAuthors else {
            throw RecordError(field: field, "has \(names.count) names, the limit is \(maxAuthors)")
        }
        let cleaned = names.map { withoutControls($0).collapsingWhitespace() }.filter { !$0.isEmpty }
        for name in cleaned { try limit(name, field: field, to: 500) }
        return cleaned
    }

    static func count(_ value: Int?, field: String) throws(RecordError) -> Int {
        guard let value else { return 0 }
        guard value >= 0 else { throw RecordError(field: field, "is negative (\(value))") }
        return value
    }

    /// An optional free-text field, trimmed, without control characters; nil when empty.
    static func text(_ raw: String?, field: String) throws(RecordError) -> String? {
        guard let value = raw.map(withoutControls)?.trimmingWhitespace(), !value.isEmpty else { return nil }
        try limit(value, field: field, to: maxFieldLength)
        return value
    }

    /// An optional http(s) URL with a host; an error when present but not one.
    /// White space inside is dropped: a URL cannot hold it, and Hugging Face's records carry hard line breaks
    /// in some (`https://github.com/owner/\nrepo`).
    static func url(_ raw: String?, field: String) throws(RecordError) -> String? {
        guard let value = try text(raw, field: field).map({ $0.filter { !$0.isWhitespace } }) else { return nil }
        guard TextEncoding.isWebURL(value) else {
            throw RecordError(field: field, "is not an http(s) URL: \(value.prefix(80))")
        }
        return value
    }

    /// A list of http(s) URLs (media); an error names the first that is not one.
    static func urls(_ raw: [String], field: String) throws(RecordError) -> [String] {
        var urls: [String] = []
        for value in raw { if let url = try url(value, field: field) { urls.append(url) } }
        return urls
    }

    static func timestamp(_ raw: String?, field: String) throws(RecordError) -> Timestamp? {
        guard let raw, !raw.isEmpty else { return nil }
        guard let value = Timestamp(iso: raw) else { throw RecordError(field: field, "is not an ISO 8601 time: \(raw.prefix(40))") }
        return value
    }

    static func day(_ raw: String?, field: String) throws(RecordError) -> Day? {
        guard let raw, !raw.isEmpty else { return nil }
        guard let value = Day(iso: raw) else { throw RecordError(field: field, "is not a YYYY-MM-DD date: \(raw.prefix(40))") }
        return value
    }

    /// The paper id for an optional arXiv id: the normalised arXiv id, or one derived from the title.
    static func identity(arxivId raw: String?, title: String, field: String) throws(RecordError) -> (id: String, arxivId: String?) {
        guard let raw, !raw.isEmpty else { return (PaperIdentity.derivedId(forTitle: title), nil) }
        guard let arxivId = PaperIdentity.normalizedArxivId(raw) else {
            throw RecordError(field: field, "is not an arXiv id: \(raw.prefix(40))")
        }
        return (arxivId, arxivId)
    }

    /// An optional username (of a submitter): letters, digits, `-`, `_` and `.`, at most 100 characters.
    static func username(_ raw: String?, field: String) throws(RecordError) -> String? {
        guard let name = try text(raw, field: field) else { return nil }
        guard isHandle(name) else { throw RecordError(field: field, "is not a username: \(name.prefix(40))") }
        return name
    }

    /// Handles of organizations and members become paths (`/nvidia`, `/users/x`): word characters only.
    private static func isHandle(_ name: String) -> Bool {
        name.count <= 100 && name.first.map { $0.isLetter || $0.isNumber } == true
            && name.allSatisfy { $0.isLetter || $0.isNumber || "-_.".contains($0) }
    }

    static func organization(name: String?, fullname: String?) throws(RecordError) -> Organization? {
        guard let name = try text(name, field: "organization.name") else { return nil }
        guard isHandle(name) else {
            throw RecordError(field: "organization.name", "is not an organization handle: \(name.prefix(40))")
        }
        return Organization(name: name, fullname: try text(fullname, field: "organization.fullname") ?? name)
    }

    /// The text without NUL and the other control characters no page, feed or mail can carry (tab and line
    /// breaks stay: they are white space).
    static func withoutControls(_ text: String) -> String {
        guard TextEncoding.hasForbiddenControl(text) || text.unicodeScalars.contains(where: { $0.value == 0x7F }) else { return text }
        return String(
            String.UnicodeScalarView(text.unicodeScalars.filter { ($0.value >= 0x20 && $0.value != 0x7F) || $0 == "\t" || $0 == "\n" || $0 == "\r" }))
    }

    private static func limit(_ value: String, field: String, to maximum: Int) throws(RecordError) {
        let length = value.utf8.count
        guard length <= maximum else {
            throw RecordError(field: field, "is \(length) bytes long, the limit is \(maximum)")
        }
    }
}
