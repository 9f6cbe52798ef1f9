import PapersCore

/// The validated query of `GET /api/daily_papers`, or the precise reason it is invalid.
struct DailyPapersParameters: Equatable {
    var page = 0
    var limit = 50
    var window: FeedWindow?
    var submitter: String?
    var sort: PaperCatalog.Sort = .publishedAt

    static let maxLimit = 100
    /// Every parameter this endpoint reads.
    static let names: Set<String> = ["p", "limit", "date", "week", "month", "submitter", "sort"]

    /// Parses the query items; throws `APIError.badRequest` naming the parameter at fault.
    init(query: [String: String]) throws(APIError) {
        page = try Self.integer(query["p"], name: "p", range: 0...1_000_000) ?? 0
        limit = try Self.integer(query["limit"], name: "limit", range: 1...Self.maxLimit) ?? 50
        let windows = ["date", "week", "month"].filter { query[$0] != nil }
        guard windows.count <= 1 else {
            throw .badRequest("Parameters \(windows.joined(separator: ", ")) cannot be combined: give one of date, week or month")
        }
        if let date = query["date"] {
            guard let day = Day(iso: date) else { throw .badRequest("Invalid date '\(date)': expected YYYY-MM-DD") }
            window = .day(day)
        }
        if let week = query["week"] {
            guard let parsed = ISOWeek(iso: week) else { throw .badRequest("Invalid week '\(week)': expected YYYY-Www, e.g. 2025-W09") }
            window = .week(parsed)
        }
        if let month = query["month"] {
            guard let parsed = YearMonth(iso: month) else { throw .badRequest("Invalid month '\(month)': expected YYYY-MM") }
            window = .month(parsed)
        }
        if let submitter = query["submitter"] {
            guard !submitter.isEmpty, submitter.count <= 100 else {
                throw .badRequest("Invalid submitter: expected a username of 1 to 100 characters")
            }
            self.submitter = submitter
        }
        if let sort = query["sort"] {
            guard let parsed = PaperCatalog.Sort(rawValue: sort) else {
                throw .badRequest("Invalid sort '\(sort)': expected publishedAt or trending")
            }
            self.sort = parsed
        }
    }

    static func integer(_ text: String?, name: String, range: ClosedRange<Int>) throws(APIError) -> Int? {
        guard let text else { return nil }
        guard let value = Int(text), range.contains(value) else {
            throw .badRequest("Invalid \(name) '\(text.prefix(40))': expected an integer from \(range.lowerBound) to \(range.upperBound)")
        }
        return value
    }
}

/// An API failure with its HTTP status and the message sent as `{"error": …}`.
enum APIError: Error, Equatable {
    case badRequest(String)
    case notFound(String)

    var status: Int {
        switch self {
            case .badRequest: return 400
            case .notFound: return 404
        }
    }

    var message: String {
        switch self {
            case .badRequest(let message), .notFound(let message): return message
        }
    }
}
