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

    /// Counts one request by `key` at `nowSeconds` and returns what is left; throws a 429 `HTTPError` when the
    /// window is used up.
    @discardableResult
    func check(_ key: String, nowSeconds: Int64) throws -> RateLimitState {
        let window = Int64(windowSeconds)
        let start = nowSeconds - nowSeconds % window
        let count = windows.withLock { windows -> Int in
            if windows.count > 100_000 { windows = windows.filter { $0.value.windowStart == start } }
            let current = windows[key].flatMap { $0.windowStart == start ? $0.count : nil } ?? 0
            windows[key] = (start, current + 1)
            return current + 1
        }
        let state = RateLimitState(limit: limit, windowSeconds: windowSeconds, remaining: max(0, limit - count), reset: start + window - nowSeconds)
        guard count > limit else { return state }
        var headers = state.headers
        headers[.retryAfter] = String(state.reset)
        throw HTTPError(
            .tooManyRequests, headers: headers,
            message: "Too many requests: at most \(limit) every \(windowSeconds / 60) minutes. Try again in \(state.reset) s.")
    }
}

extension RateLimiter {
    /// Takes back one request counted by `check` in the current window: for attempts the form refused as
    /// mistyped, which should not use up a person's tries.
    func refund(_ key: String, nowSeconds: Int64) {
        let start = nowSeconds - nowSeconds % Int64(windowSeconds)
        windows.withLock { windows in
            guard let current = windows[key], current.windowStart == start, current.count > 0 else { return }
            windows[key] = (start, current.count - 1)
        }
    }
}

/// Where a client stands in a limit's window, as the `RateLimit` headers tell it on every limited response.
struct RateLimitState: Sendable {
    let limit: Int
    let windowSeconds: Int
    let remaining: Int
    /// Seconds until the window starts again.
    let reset: Int64

    var headers: HTTPFields {
        HTTPFields([policyField, field])
    }

    /// `RateLimit-Policy`: the same on every response of one limit.
    var policyField: HTTPField {
        HTTPField(name: .rateLimitPolicy, value: "\(limit);w=\(windowSeconds)")
    }

    /// `RateLimit`: what is left of the window.
    var field: HTTPField {
        HTTPField(name: .rateLimit, value: fieldValue)
    }

    /// The value of `RateLimit`, joined by hand: it is built for every cached answer, and interpolation cost more.
    var fieldValue: String {
        "limit=" + String(limit) + ", remaining=" + String(remaining) + ", reset=" + String(reset)
    }
}

extension HTTPField.Name {
    /// `RateLimit` (draft-ietf-httpapi-ratelimit-headers). The names are valid tokens, so the parses cannot fail.
    static let rateLimit = HTTPField.Name("RateLimit") ?? .retryAfter
    /// `RateLimit-Policy`.
    static let rateLimitPolicy = HTTPField.Name("RateLimit-Policy") ?? .retryAfter
}
