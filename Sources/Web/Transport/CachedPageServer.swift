import HTTPTypes
import Hummingbird
import HummingbirdCore
import NIOCore
import NIOHTTP1
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
    let keys: CacheKeys
    let limits: RateLimits
    let clock: @Sendable () -> Timestamp
    let trustedProxies: Set<String>
    let security: SecurityHeaders
    let serverName: String
    private let date = Mutex<(second: Int64, text: String)>((-1, ""))

    init(
        cache: ResponseCache, keys: CacheKeys, limits: RateLimits, clock: @escaping @Sendable () -> Timestamp, trustedProxies: Set<String>,
        security: SecurityHeaders, serverName: String
    ) {
        self.cache = cache
        self.keys = keys
        self.limits = limits
        self.clock = clock
        self.trustedProxies = trustedProxies
        self.security = security
        self.serverName = serverName
    }

    /// The full response to `head` when the cache holds it and nothing about the request needs the normal path.
    /// `peer` is the connection's rate-limit key (`ClientAddress.limitKey`), worked out once per connection (formatting it costs).
    func response(to head: HTTPRequestHead, from remote: SocketAddress?, peer: String) -> (HTTPResponseHead, ByteBuffer)? {
        guard head.method == .GET, head.version == .http1_1, head.isKeepAlive, Self.isPlain(head.headers) else { return nil }
        let target = head.uri
        guard target.utf8.first == UInt8(ascii: "/"), !target.utf8.containsNULEscape else { return nil }
        let uri = URI(target)
        guard let route = try? Route(method: .get, path: uri.path),
            let variant = keys.variant(of: route, uri: uri, member: false, wantsMarkdown: false),
            let cached = cache.rendered(for: variant.key)
        else { return nil }
        let forwarded =
            trustedProxies.isEmpty
            ? nil
            : ClientAddress.forwarded(remote: remote, forwardedFor: head.headers[ClientAddress.forwardedFor.rawName].last, trusted: trustedProxies)
        let bucket: RateLimits.Bucket = route.isAPI ? .api : .pages
        // A refusal takes the normal path, which renders the 429 page.
        guard let limit = try? limits.check(bucket, key: forwarded.map(ClientAddress.limitKey) ?? peer, member: false, now: clock()) else {
            return nil
        }
        // The compressed bytes to whoever takes gzip (every browser), the plain ones to the rest.
        let gzip = cached.gzipped != nil && Gzip.isAccepted(head.headers.first(name: "accept-encoding"))
        var headers = template(for: cached, gzip: gzip, limit: limit)
        headers.add(name: HTTPField.Name.rateLimit.rawName, value: limit.fieldValue)
        headers.add(name: HTTPField.Name.xRequestID.rawName, value: security.ids.next())
        headers.add(name: "Date", value: currentDate())
        let body = gzip ? cached.gzipped ?? cached.body : cached.body
        return (HTTPResponseHead(version: .http1_1, status: HTTPResponseStatus(statusCode: cached.status.code), headers: headers), body)
    }

    /// Requests without what changes their answer: a session, a token, a condition, a wish for Markdown.
    private static func isPlain(_ headers: HTTPHeaders) -> Bool {
        if headers.contains(name: "authorization") || headers.contains(name: "if-none-match") || headers.contains(name: "if-modified-since") {
            return false
        }
        let session = SessionCookie.name + "="
        if headers["cookie"].contains(where: { $0.contains(session) }) { return false }
        return !headers["accept"].contains { $0.contains("text/markdown") }
    }

    /// The headers every answer from one cache entry carries: its own, the security headers, `Server`,
    /// `Content-Length` and the rate-limit policy. Built once per entry and kept with it: building header lists per
    /// request was a sixth of this path's CPU in the profile.
    private func template(for cached: Rendered, gzip: Bool, limit: RateLimitState) -> HTTPHeaders {
        let make = { [self] in
            var fields = cached.headers
            fields.append(contentsOf: security.fields)
            fields.append(HTTPField(name: .server, value: serverName))
            // Tells operators (and the tests) that the answer came from the event loop's cache.
            fields.append(HTTPField(name: .xCache, value: "HIT"))
            if cached.gzipped != nil { fields.append(HTTPField(name: .vary, value: "Accept-Encoding")) }
            if gzip { fields.append(HTTPField(name: .contentEncoding, value: "gzip")) }
            let body = gzip ? cached.gzipped ?? cached.body : cached.body
            fields.append(HTTPField(name: .contentLength, value: String(body.readableBytes)))
            fields.append(limit.policyField)
            return HTTPHeaders(fields.map { ($0.name.rawName, $0.value) })
        }
        return cached.entry?.template(gzip: gzip, make: make) ?? make()
    }

    private func currentDate() -> String {
        let now = clock()
        let second = now.millisecondsSinceEpoch / 1000
        return date.withLock { cached in
            if cached.second != second { cached = (second, InternetDate.http(Timestamp(millisecondsSinceEpoch: second * 1000))) }
            return cached.text
        }
    }

    /// A handler for one connection, joining it when its first request, already on its way to the application, has
    /// been read.
    func handler(timeouts: ConnectionTimeouts, connection: ConnectionTable.Entry) -> CachedPageHandler {
        CachedPageHandler(server: self, timeouts: timeouts, connection: connection)
    }
}
