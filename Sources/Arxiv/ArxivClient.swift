import Foundation
import PapersCore

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// How the arXiv client behaves: where it asks, how politely, and how patiently.
public struct ArxivClientSettings: Sendable {
    /// The query endpoint (the API's `/api/query`).
    public var endpoint: URL
    /// arXiv asks for at most one request every 3 seconds.
    public var minimumInterval: Duration
    /// Attempts per lookup, the first included.
    public var maxAttempts: Int
    /// The first retry waits this long, each further one twice as long (or what `Retry-After` says, if longer).
    public var initialBackoff: Duration
    /// How long one request may take (whole seconds: the HTTP stack on Linux rounds down).
    public var timeout: Duration
    public var userAgent: String

    public init(
        endpoint: URL, minimumInterval: Duration = .seconds(3), maxAttempts: Int = 3,
        initialBackoff: Duration = .seconds(3), timeout: Duration = .seconds(15),
        userAgent: String = "DailyPapers/1.0 (self-hosted paper feed; https://github.com/dailypapers/dailypapers)"
    ) {
        self.endpoint = endpoint
        self.minimumInterval = minimumInterval
        self.maxAttempts = max(1, maxAttempts)
        self.initialBackoff = initialBackoff
        self.timeout = timeout
        self.userAgent = userAgent
    }
}

/// Looks papers up in the arXiv API, politely: one request at a time, at most one per `minimumInterval` (or as the
/// shared pacer allows, across instances), a descriptive User-Agent, and retries with growing pauses when arXiv is
/// busy (429) or failing (5xx).
public struct ArxivClient: Sendable {
    public let settings: ArxivClientSettings
    private let fetcher: PoliteFetcher

    public init(settings: ArxivClientSettings, pacer: (any RequestPacer)? = nil) {
        self.settings = settings
        let policy = FetchPolicy(
            sourceName: "arXiv", userAgent: settings.userAgent, timeout: settings.timeout, maxAttempts: settings.maxAttempts,
            initialBackoff: settings.initialBackoff, jitter: 0
        )
        fetcher = PoliteFetcher(policy: policy, pacer: pacer ?? IntervalPacer(interval: settings.minimumInterval))
    }

    /// The paper with this arXiv id, or nil when arXiv does not know it.
    public func paper(arxivId: String) async throws -> Paper? {
        var components = URLComponents(url: settings.endpoint, resolvingAgainstBaseURL: false)
        components?.queryItems = [URLQueryItem(name: "id_list", value: arxivId), URLQueryItem(name: "max_results", value: "1")]
        guard let url = components?.url else { throw ArxivError.unavailable("The arXiv endpoint \(settings.endpoint) is not a valid URL.") }
        let data: Data
        do {
            data = try await fetcher.fetch(url)
        } catch let error as FetchError {
            throw ArxivError.unavailable(
                error.status.map { $0 < 500 && $0 != 429 } == true ? error.description : "\(error.description) Try again in a few minutes.")
        }
        let papers = try ArxivFeedParser.papers(from: data)
        return papers.first { $0.id == arxivId }
    }
}
