import HTTPTypes
import Hummingbird
import HummingbirdCore
import NIOCore
import PapersCore
import Synchronization

/// Answers requests the response cache can answer straight from the event loop, before Hummingbird's async
/// machinery: a visitor's `GET` of a cached page, feed or API answer. Profiling a cached `/` showed most of each
/// request's CPU in the task, stream and middleware plumbing around a dictionary look-up; this path does the
/// look-up and the per-request duties — the rate limit with its headers, the security headers, the request id, the
/// date — and nothing else.
///
/// Everything else takes the normal path: members (a session cookie), API tokens, conditional requests (feeds
/// answer 304 there), Markdown requests, misses and refusals (the normal path renders the 429 page).
final class CachedPageServer: Sendable {
    let cache: ResponseCache
    let limits: RateLimits?
    let clock: @Sendable () -> Timestamp
    let trustedProxies: Set<String>
    let security: SecurityHeaders
    let serverName: String
    private let date = Mutex<(second: Int64, text: String)>((-1, ""))

    init(cache: ResponseCache, limits: RateLimits?, clock: @escaping @Sendable () -> Timestamp, trustedProxies: Set<String>, security: SecurityHeaders, serverName: String) {
        self.cache = cache
        self.limits = limits
        self.clock = clock
        self.trustedProxies = trustedProxies
        self.security = security
        self.serverName = serverName
    }

    /// The full response to `head` when the cache holds it and nothing about the request needs the normal path.
    /// `peer` is the connection's address as text, worked out once per connection (formatting it costs).
    func response(to head: HTTPRequest, from remote: SocketAddress?, peer: String) -> (HTTPResponse, ByteBuffer)? {
        guard head.method == .get, let target = head.path, Self.isPlain(head.headerFields), !target.utf8.containsNULEscape else { return nil }
        let uri = URI(target)
        guard let cached = cache.rendered(for: CacheKey.make(uri)) else { return nil }
        let body = cached.body
        var fields = cached.headers
        if let limits {
            let forwarded = trustedProxies.isEmpty
                ? nil : ClientAddress.forwarded(remote: remote, forwardedFor: head.headerFields[values: ClientAddress.forwardedFor].last, trusted: trustedProxies)
            let client = forwarded ?? peer
            let bucket: RateLimits.Bucket = uri.path.hasPrefix("/api/") ? .api : .pages
            guard let state = try? limits.check(bucket, key: "ip:" + client, member: false, now: clock()) else { return nil }
            fields.append(contentsOf: state.headers)
        }
        security.apply(to: &fields)
        fields[.contentLength] = String(body.readableBytes)
        fields[.date] = currentDate()
        fields[.server] = serverName
        return (HTTPResponse(status: cached.status, headerFields: fields), body)
    }

    /// Requests without what changes their answer: a session, a token, a condition, a wish for Markdown.
    private static func isPlain(_ fields: HTTPFields) -> Bool {
        if let cookie = fields[.cookie], cookie.contains(SessionCookie.name + "=") { return false }
        if fields[.authorization] != nil || fields[.ifNoneMatch] != nil || fields[.ifModifiedSince] != nil { return false }
        if let accept = fields[.accept], accept.contains("text/markdown") { return false }
        return true
    }

    private func currentDate() -> String {
        let now = clock()
        let second = now.millisecondsSinceEpoch / 1000
        return date.withLock { cached in
            if cached.second != second { cached = (second, HTTPDate.format(Timestamp(millisecondsSinceEpoch: second * 1000))) }
            return cached.text
        }
    }

    /// A handler for one connection; it places itself after Hummingbird's connection-state handler (so idle
    /// timeouts see every request) when the connection's first request arrives.
    func handler() -> CachedPageHandler {
        CachedPageHandler(server: self)
    }
}

