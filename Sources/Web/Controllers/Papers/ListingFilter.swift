import Hummingbird
import PapersCore

/// What `/papers/new` is asked for: `?category=cs.CL&type=new|cross&date=YYYY-MM-DD&p=N`, each checked.
struct ListingFilter: Sendable, Equatable {
    var category: String?
    var kind: Announcement.Kind?
    var day: Day?
    var page: Int

    init(category: String? = nil, kind: Announcement.Kind? = nil, day: Day? = nil, page: Int = 0) {
        self.category = category
        self.kind = kind
        self.day = day
        self.page = page
    }

    init(_ request: Request, known: [String]) throws {
        let items = request.uri.queryParameters
        page = try Self.pageNumber(request)
        if let text = items["category"].map(String.init), !text.isEmpty {
            guard ArxivCategory.isValid(text) else { throw PageError.badRequest("'\(text)' is not an arXiv category such as cs.CL.") }
            category = text
        }
        if let text = items["type"].map(String.init), !text.isEmpty {
            guard let kind = Announcement.Kind(rawValue: text), kind.isFirstAnnouncement else {
                throw PageError.badRequest("type must be new or cross, not '\(text)'.")
            }
            self.kind = kind
        }
        if let text = items["date"].map(String.init), !text.isEmpty {
            guard let day = Day(iso: text) else { throw PageError.badRequest("'\(text)' is not a date: use YYYY-MM-DD.") }
            self.day = day
        }
    }

    /// New and cross-listed papers unless one type is asked for (replacements are not new papers).
    var kinds: [Announcement.Kind] { kind.map { [$0] } ?? [.new, .cross] }

    func categories(default all: [String]) -> [String] { category.map { [$0] } ?? all }

    /// The query string of this filter with `changes` applied, for links.
    func query(category: String?? = nil, kind: Announcement.Kind?? = nil, day: Day?? = nil) -> String {
        let chosenCategory = category ?? self.category
        let chosenKind = kind ?? self.kind
        let chosenDay = day ?? self.day
        let parts = [
            chosenCategory.map { "category=\(TextEncoding.percentEncode($0))" }, chosenKind.map { "type=\($0.rawValue)" },
            chosenDay.map { "date=\($0)" },
        ].compactMap { $0 }
        return parts.isEmpty ? "" : "?" + parts.joined(separator: "&")
    }

    static func pageNumber(_ request: Request) throws -> Int {
        guard let text = request.uri.queryParameters["p"].map(String.init) else { return 0 }
        guard let page = Int(text), (0...10_000).contains(page) else { throw PageError.badRequest("'\(text)' is not a page number.") }
        return page
    }
}
