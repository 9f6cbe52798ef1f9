import Hummingbird
import PapersCore
import Search

/// The `/saved` page's query: filters, an optional search and its mode, the page number. Bad values are a 400
/// naming the parameter.
struct ReadingListParameters: Sendable {
    var filter = ReadingListFilter()
    var query = ""
    var mode = SearchMode.hybrid
    var page = 0
    static let maximumQuery = 4_000

    init() {}

    init(_ request: Request) throws {
        let items = request.queryItems
        if let state = items["state"], !state.isEmpty {
            guard let parsed = ReadingListFilter.State(rawValue: state) else { throw PageError.badRequest("state is all, unread or read.") }
            filter.state = parsed
        }
        filter.category = try Self.word(items["category"], name: "category")
        filter.organization = try Self.word(items["org"], name: "org")
        filter.hasCode = items["code"] == "1"
        filter.publishedFrom = try Self.day(items["from"], name: "from")
        filter.publishedTo = try Self.day(items["to"], name: "to")
        query = (items["q"] ?? "").trimmingWhitespace()
        guard query.count <= Self.maximumQuery else { throw PageError.badRequest("A search is at most \(Self.maximumQuery) characters.") }
        if let text = items["mode"], !text.isEmpty {
            guard let parsed = SearchMode(rawValue: text) else { throw PageError.badRequest("mode is hybrid, keyword or semantic.") }
            mode = parsed
        }
        page = try PageNumber.of(request)
    }

    /// The query string that gives these parameters back (without the page), for links.
    var queryString: String {
        var pairs: [(String, String)] = []
        if filter.state != .all { pairs.append(("state", filter.state.rawValue)) }
        if let category = filter.category { pairs.append(("category", category)) }
        if let organization = filter.organization { pairs.append(("org", organization)) }
        if filter.hasCode { pairs.append(("code", "1")) }
        if let from = filter.publishedFrom { pairs.append(("from", from.description)) }
        if let to = filter.publishedTo { pairs.append(("to", to.description)) }
        if !query.isEmpty { pairs.append(("q", query)) }
        if mode != .hybrid { pairs.append(("mode", mode.rawValue)) }
        return pairs.map { "\($0.0)=\(TextEncoding.percentEncode($0.1))" }.joined(separator: "&")
    }

    private static func word(_ text: String?, name: String) throws -> String? {
        guard let text = text?.trimmingWhitespace(), !text.isEmpty else { return nil }
        guard text.count <= 100 else { throw PageError.badRequest("\(name) is at most 100 characters.") }
        return text
    }

    private static func day(_ text: String?, name: String) throws -> Day? {
        guard let text, !text.isEmpty else { return nil }
        guard let day = Day(iso: text) else { throw PageError.badRequest("\(name) is a day as YYYY-MM-DD, not '\(text.prefix(40))'.") }
        return day
    }
}
