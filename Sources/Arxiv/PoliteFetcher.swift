import Foundation
import PapersCore

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// How a `PoliteFetcher` behaves towards a source: who it says it is, how long it waits, how often it retries.
public struct FetchPolicy: Sendable {
    /// The source's name in messages ("arXiv", "Hugging Face").
    public var sourceName: String
    /// A descriptive User-Agent with a contact, as arXiv's terms ask.
    public var userAgent: String
    /// How long a request may go without an answer (whole seconds: the HTTP stack on Linux rounds down).
    public var timeout: Duration
    /// Attempts per request, the first included.
    public var maxAttempts: Int
    /// The first retry waits about this long, each further one twice as long, up to `maximumBackoff`; a `Retry-After`
    /// answer is waited out as the source asks instead.
    public var initialBackoff: Duration
    public var maximumBackoff: Duration
    /// Each pause is drawn from ±this fraction around its nominal length, so instances that failed together do not
    /// retry together.
    public var jitter: Double

    public init(
        sourceName: String, userAgent: String, timeout: Duration = .seconds(30), maxAttempts: Int = 5,
        initialBackoff: Duration = .seconds(5), maximumBackoff: Duration = .seconds(300), jitter: Double = 0.25
    ) {
        self.sourceName = sourceName
        self.userAgent = userAgent
        self.timeout = timeout
        self.maxAttempts = max(1, maxAttempts)
        self.initialBackoff = initialBackoff
        self.maximumBackoff = maximumBackoff
        self.jitter = min(max(jitter, 0), 1)
    }
}

/// Why a source gave no usable answer, in words an operator can act on.
public struct FetchError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The HTTP status of the last answer, when there was one.
    public let status: Int?
    public let description: String
}

/// Fetches from a rate-limited source politely: every request waits for its turn with the pacer, says who it is, and
/// is retried with growing, jittered pauses when the source is busy (429, 503 with `Retry-After`), failing (5xx),
/// slow or unreachable. Other answers (4xx) are not retried.
public struct PoliteFetcher: Sendable {
    public let policy: FetchPolicy
    let pacer: any RequestPacer
    private let session: URLSession

    public init(policy: FetchPolicy, pacer: any RequestPacer) {
        self.policy = policy
        self.pacer = pacer
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = Self.seconds(policy.timeout)
        configuration.httpAdditionalHeaders = ["User-Agent": policy.userAgent]
        configuration.httpMaximumConnectionsPerHost = 1
        // Nothing is fetched twice on purpose: an in-memory cache would only hold every page of a long harvest.
        configuration.urlCache = nil
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        session = URLSession(configuration: configuration)
    }

    /// The body of a successful answer to `url`, after the retries the policy allows.
    public func fetch(_ url: URL, onRetry: @Sendable (String) -> Void = { _ in }) async throws -> Data {
        var backoff = policy.initialBackoff
        var problem = ""
        var lastStatus: Int?
        for attempt in 1...policy.maxAttempts {
            try await pacer.waitForTurn()
            var request = URLRequest(url: url)
            request.timeoutInterval = Self.seconds(policy.timeout)
            request.setValue(policy.userAgent, forHTTPHeaderField: "User-Agent")
            var retryAfter: Duration?
            do {
                let (data, response) = try await session.data(for: request)
                let http = response as? HTTPURLResponse
                let status = http?.statusCode ?? 0
                if (200..<300).contains(status) { return data }
                lastStatus = status
                problem = "\(policy.sourceName) answered HTTP \(status)"
                guard status == 429 || status >= 500 else {
                    throw FetchError(status: status, description: "\(problem) for \(url.absoluteString); not retrying.")
                }
                retryAfter = http?.value(forHTTPHeaderField: "Retry-After").flatMap(Self.retryAfter)
            } catch let error as FetchError {
                throw error
            } catch is CancellationError {
                throw CancellationError()
            } catch {
                problem = "\(policy.sourceName) could not be reached (\(error.localizedDescription))"
            }
            guard attempt < policy.maxAttempts else { break }
            // The source's own `Retry-After` is honoured as given; without one, the pause grows.
            let pause = retryAfter ?? jittered(backoff)
            onRetry("\(problem); retrying in \(Self.seconds(pause).rounded()) s (attempt \(attempt + 1) of \(policy.maxAttempts))")
            try await Task.sleep(for: pause)
            backoff = min(backoff * 2, policy.maximumBackoff)
        }
        throw FetchError(status: lastStatus, description: "\(problem) after \(policy.maxAttempts) attempts.")
    }

    private func jittered(_ duration: Duration) -> Duration {
        guard policy.jitter > 0 else { return duration }
        return duration * Double.random(in: (1 - policy.jitter)...(1 + policy.jitter))
    }

    /// `Retry-After` in seconds or as an HTTP date.
    static func retryAfter(_ value: String) -> Duration? {
        if let seconds = Int(value.trimmingCharacters(in: .whitespaces)) { return .seconds(max(0, seconds)) }
        guard let date = InternetDate.parseHTTP(value.trimmingCharacters(in: .whitespaces)) else { return nil }
        // The server's date is real time, so the wait is measured against the real clock, not the site's.
        return .milliseconds(max(0, date.millisecondsSinceEpoch - Timestamp.now.millisecondsSinceEpoch))
    }

    static func seconds(_ duration: Duration) -> TimeInterval {
        let (seconds, attoseconds) = duration.components
        return TimeInterval(seconds) + TimeInterval(attoseconds) / 1e18
    }
}
