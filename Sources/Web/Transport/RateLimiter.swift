import HTTPTypes
import Hummingbird
import Synchronization

/// Fixed-window request counting per client, answering 429 with the IETF `RateLimit` and `RateLimit-Policy` headers.
///
/// Per instance by design: several instances behind a balancer each allow the limit (documented).
public final class RateLimiter: Sendable {
    public let limit: Int
    public let windowSeconds: Int
    /// The most clients counted apart in one window; past it, new clients share one count (`overflowKey`), so the
    /// table's memory is bounded and a flood of fresh addresses is limited as one client.
    public let maxKeys: Int
    /// The counts of the current window only: a new window starts from an empty table, in O(1).
    private let window = Mutex<(start: Int64, counts: [String: Int])>((-1, [:]))
    static let overflowKey = "(every other client)"

    public init(limit: Int, windowSeconds: Int = 300, maxKeys: Int = 100_000) {
        self.limit = limit
        self.windowSeconds = windowSeconds
        self.maxKeys = maxKeys
    }

    /// Counts one request by `key` at `nowSeconds` and returns what is left; throws a 429 `HTTPError` when the
    /// window is used up.
    @discardableResult
    func check(_ key: String, nowSeconds: Int64) throws -> RateLimitState {
        let length = Int64(windowSeconds)
        let start = nowSeconds - nowSeconds % length
        let count = window.withLock { window -> Int in
            if window.start != start { window = (start, [:]) }
            let counted = window.counts[key] != nil || window.counts.count < maxKeys - 1 ? key : Self.overflowKey
            let count = (window.counts[counted] ?? 0) + 1
            window.counts[counted] = count
            return count
        }
        let state = RateLimitState(limit: limit, windowSeconds: windowSeconds, remaining: max(0, limit - count), reset: start + length - nowSeconds)
        guard count > limit else { return state }
        var headers = state.headers
        headers[.retryAfter] = String(state.reset)
        throw HTTPError(
            .tooManyRequests, headers: headers,
            message: "Too many requests: at most \(limit) every \(windowSeconds / 60) minutes. Try again in \(state.reset) s.")
    }

    /// How many clients the current window counts apart.
    var keyCount: Int { window.withLock { $0.counts.count } }
}

extension RateLimiter {
    /// Takes back one request counted by `check` in the current window: for attempts the form refused as
    /// mistyped, which should not use up a person's tries.
    func refund(_ key: String, nowSeconds: Int64) {
        let start = nowSeconds - nowSeconds % Int64(windowSeconds)
        window.withLock { window in
            guard window.start == start, let count = window.counts[key], count > 0 else { return }
            window.counts[key] = count - 1
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
