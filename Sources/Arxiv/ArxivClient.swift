import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import PapersCore

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

    public static let defaultEndpoint = URL(string: "https://export.arxiv.org/api/query") ?? URL(fileURLWithPath: "/")

    public init(
        endpoint: URL = Self.defaultEndpoint, minimumInterval: Duration = .seconds(3), maxAttempts: Int = 3,
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

/// Looks papers up in the arXiv API, politely: one request at a time, at most one per `minimumInterval`,
/// a descriptive User-Agent, and retries with growing pauses when arXiv is busy (429) or failing (5xx).
public actor ArxivClient {
    public let settings: ArxivClientSettings
    private let session: URLSession
    private var nextRequestAllowed: ContinuousClock.Instant?

    public init(settings: ArxivClientSettings = ArxivClientSettings()) {
        self.settings = settings
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = Self.seconds(settings.timeout)
        configuration.httpAdditionalHeaders = ["User-Agent": settings.userAgent]
        session = URLSession(configuration: configuration)
    }

    /// The paper with this arXiv id, or nil when arXiv does not know it.
    public func paper(arxivId: String) async throws -> Paper? {
        var components = URLComponents(url: settings.endpoint, resolvingAgainstBaseURL: false)
        components?.queryItems = [URLQueryItem(name: "id_list", value: arxivId), URLQueryItem(name: "max_results", value: "1")]
        guard let url = components?.url else { throw ArxivError.unavailable("The arXiv endpoint \(settings.endpoint) is not a valid URL.") }
        let papers = try ArxivFeedParser.papers(from: try await fetch(url))
        return papers.first { $0.id == arxivId }
    }

    /// The body of a successful answer, after the retries the settings allow.
    func fetch(_ url: URL) async throws -> Data {
        var backoff = settings.initialBackoff
        var lastProblem = ""
        for attempt in 1...settings.maxAttempts {
            await waitForTurn()
            var request = URLRequest(url: url)
            request.timeoutInterval = Self.seconds(settings.timeout)
            request.setValue(settings.userAgent, forHTTPHeaderField: "User-Agent")
            var retryAfter: Duration?
            do {
                let (data, response) = try await session.data(for: request)
                let status = (response as? HTTPURLResponse)?.statusCode ?? 0
                if (200..<300).contains(status) { return data }
                lastProblem = "arXiv answered HTTP \(status)"
                guard status == 429 || status >= 500 else { throw ArxivError.unavailable("\(lastProblem); not retrying.") }
                retryAfter = (response as? HTTPURLResponse)?.value(forHTTPHeaderField: "Retry-After").flatMap(Int.init).map { .seconds($0) }
            } catch let error as ArxivError {
                throw error
            } catch {
                lastProblem = "arXiv could not be reached (\(error.localizedDescription))"
            }
            if attempt < settings.maxAttempts {
                try await Task.sleep(for: max(backoff, retryAfter ?? .zero))
                backoff *= 2
            }
        }
        throw ArxivError.unavailable("\(lastProblem) after \(settings.maxAttempts) attempts. Try again in a few minutes.")
    }

    /// Sleeps until the politeness interval since the previous request has passed, and books the next slot.
    private func waitForTurn() async {
        let now = ContinuousClock.now
        let start = max(now, nextRequestAllowed ?? now)
        nextRequestAllowed = start + settings.minimumInterval
        if start > now { try? await Task.sleep(until: start, clock: .continuous) }
    }

    private static func seconds(_ duration: Duration) -> TimeInterval {
        let (seconds, attoseconds) = duration.components
        return TimeInterval(seconds) + TimeInterval(attoseconds) / 1e18
    }
}
