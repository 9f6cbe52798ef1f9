import PapersCore
import Search

/// The query string of the search page, its feeds and `/api/papers/search`, checked.
struct SearchParameters: Sendable, Equatable {
    /// Hugging Face's own limits: `q` up to 250 characters, `limit` up to 120. The 250 holds only where Hugging Face
    /// compatibility needs it (`/api/papers/search` without `mode`); elsewhere a query may be a pasted abstract.
    static let hubQueryLength = 250
    static let maximumQueryLength = 4_000
    static let maximumLimit = 120

    var text = ""
    var mode = SearchMode.hybrid
    var sort = SearchSort.relevance
    var page = 0
    var after: Day?
    var before: Day?
    var organization = ""

    /// Reads the items. Throws the message to show for a bad value.
    init(query: [String: String], hubCompatible: Bool = false) throws(APIError) {
        text = (query["q"] ?? "").trimmingWhitespace()
        let limit = hubCompatible ? Self.hubQueryLength : Self.maximumQueryLength
        guard text.count <= limit else {
            let longer = hubCompatible ? " (with mode=hybrid, keyword or semantic, up to \(Self.maximumQueryLength))" : ""
            throw .badRequest("The query is \(text.count) characters long; at most \(limit) are searched\(longer).")
        }
        if let value = query["mode"], !value.isEmpty {
            guard let mode = SearchMode(rawValue: value) else {
                throw .badRequest("mode must be hybrid, keyword or semantic, not '\(value.prefix(40))'.")
            }
            self.mode = mode
        }
        if let value = query["sort"], !value.isEmpty {
            guard let sort = SearchSort(rawValue: value) else {
                throw .badRequest("sort must be relevance, date or upvotes, not '\(value.prefix(40))'.")
            }
            self.sort = sort
        }
        if let value = query["p"], !value.isEmpty {
            guard let page = Int(value), (0...500).contains(page) else { throw .badRequest("'\(value.prefix(40))' is not a page number (0–500).") }
            self.page = page
        }
        after = try Self.day(query["after"], name: "after")
        before = try Self.day(query["before"], name: "before")
        organization = (query["org"] ?? "").trimmingWhitespace()
        guard organization.count <= 100, !organization.contains("\"") else { throw .badRequest("org must be an organization name.") }
    }

    private static func day(_ value: String?, name: String) throws(APIError) -> Day? {
        guard let value, !value.isEmpty else { return nil }
        guard let day = Day(iso: value) else { throw .badRequest("\(name) must be a date such as 2025-01-31, not '\(value.prefix(40))'.") }
        return day
    }

    /// True when nothing was asked: no words and no filter.
    var isEmpty: Bool { text.isEmpty && after == nil && before == nil && organization.isEmpty }

    /// The text the search engine reads: the typed query plus the form's filters in query syntax.
    var effectiveQuery: String {
        var parts = text.isEmpty ? [] : [text]
        if let after { parts.append("after:\(after)") }
        if let before { parts.append("before:\(before)") }
        if !organization.isEmpty { parts.append("org:\"\(organization)\"") }
        return parts.joined(separator: " ")
    }

    /// The query string of these parameters, on page `page` (for the pager and feed links).
    func queryString(page: Int? = nil) -> String {
        var items: [(String, String)] = [("q", text)]
        if mode != .hybrid { items.append(("mode", mode.rawValue)) }
        if sort != .relevance { items.append(("sort", sort.rawValue)) }
        if let after { items.append(("after", after.description)) }
        if let before { items.append(("before", before.description)) }
        if !organization.isEmpty { items.append(("org", organization)) }
        if let page, page > 0 { items.append(("p", String(page))) }
        return items.map { "\($0.0)=\(TextEncoding.percentEncode($0.1))" }.joined(separator: "&")
    }
}
