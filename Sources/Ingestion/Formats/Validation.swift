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
        let title = raw.collapsingWhitespace()
        guard !title.isEmpty else { throw RecordError(field: "title", "is empty") }
        try limit(title, field: "title", to: maxTitleLength)
        return title
    }

    /// The abstract with arXiv's hard line breaks folded, or an error when it is too long.
    static func abstract(_ raw: String?, field: String = "abstract") throws(RecordError) -> String {
        let abstract = (raw ?? "").collapsingWhitespace()
        try limit(abstract, field: field, to: maxAbstractLength)
        return abstract
    }

    static func authors(_ names: [String], field: String = "authors") throws(RecordError) -> [String] {
        guard names.count <= maxAuthors else {
            throw RecordError(field: field, "has \(names.count) names, the limit is \(maxAuthors)")
        }
        let cleaned = names.map { $0.collapsingWhitespace() }.filter { !$0.isEmpty }
        for name in cleaned { try limit(name, field: field, to: 500) }
        return cleaned
    }

    static func count(_ value: Int?, field: String) throws(RecordError) -> Int {
        guard let value else { return 0 }
        guard value >= 0 else { throw RecordError(field: field, "is negative (\(value))") }
        return value
    }

    /// An optional free-text field, trimmed; nil when empty.
    static func text(_ raw: String?, field: String) throws(RecordError) -> String? {
        guard let value = raw?.trimmingWhitespace(), !value.isEmpty else { return nil }
        try limit(value, field: field, to: maxFieldLength)
        return value
    }

    /// An optional http(s) URL; an error when present but not one.
    static func url(_ raw: String?, field: String) throws(RecordError) -> String? {
        guard let value = try text(raw, field: field) else { return nil }
        guard value.hasPrefix("https://") || value.hasPrefix("http://") else {
            throw RecordError(field: field, "is not an http(s) URL: \(value.prefix(80))")
        }
        return value
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

    static func organization(name: String?, fullname: String?) throws(RecordError) -> Organization? {
        guard let name = try text(name, field: "organization.name") else { return nil }
        guard name.count <= 100, !name.contains("/"), !name.contains(where: { $0.isWhitespace }) else {
            throw RecordError(field: "organization.name", "is not an organization handle: \(name.prefix(40))")
        }
        return Organization(name: name, fullname: try text(fullname, field: "organization.fullname") ?? name)
    }

    private static func limit(_ value: String, field: String, to maximum: Int) throws(RecordError) {
        let length = value.utf8.count
        guard length <= maximum else {
            throw RecordError(field: field, "is \(length) bytes long, the limit is \(maximum)")
        }
    }
}
