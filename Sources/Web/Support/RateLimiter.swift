import HTTPTypes
import Hummingbird
import Synchronization

/// Fixed-window request counting per client, answering 429 with the IETF `RateLimit` and `RateLimit-Policy` headers.
///
/// Per instance by design: several instances behind a balancer each allow the limit (documented).
public final class RateLimiter: Sendable {
    public let limit: Int
    public let windowSeconds: Int
    private let windows = Mutex<[String: (windowStart: Int64, count: Int)]>([:])

    public init(limit: Int, windowSeconds: Int = 300) {
        self.limit = limit
        self.windowSeconds = windowSeconds
    }

    /// Counts one request by `key` at `nowSeconds`; throws a 429 `HTTPError` when the window is used up.
    func check(_ key: String, nowSeconds: Int64) throws {
        let window = Int64(windowSeconds)
        let start = nowSeconds - nowSeconds % window
        let count = windows.withLock { windows -> Int in
            if windows.count > 100_000 { windows = windows.filter { $0.value.windowStart == start } }
            let current = windows[key].flatMap { $0.windowStart == start ? $0.count : nil } ?? 0
            windows[key] = (start, current + 1)
            return current + 1
        }
        guard count > limit else { return }
        let reset = start + window - nowSeconds
        var headers = HTTPFields()
        headers[.rateLimitPolicy] = "\(limit);w=\(windowSeconds)"
        headers[.rateLimit] = "limit=\(limit), remaining=0, reset=\(reset)"
        headers[.retryAfter] = String(reset)
        throw HTTPError(.tooManyRequests, headers: headers, message: "Too many requests: at most \(limit) every \(windowSeconds / 60) minutes. Try again in \(reset) s.")
    }
}

extension HTTPField.Name {
    /// `RateLimit` (draft-ietf-httpapi-ratelimit-headers). The names are valid tokens, so the parses cannot fail.
    static let rateLimit = HTTPField.Name("RateLimit") ?? .retryAfter
    /// `RateLimit-Policy`.
    static let rateLimitPolicy = HTTPField.Name("RateLimit-Policy") ?? .retryAfter
}
