import Hummingbird
import HummingbirdCore
import PapersCore
import Synchronization

/// Rendered responses kept in memory, dropped whenever the database changes, bounded by bytes.
///
/// At most `byteLimit` bytes of bodies and headers are kept: storing past it first drops expired entries, then
/// the oldest ones. Keys are canonical (`CacheKeys`): parameters a route does not read are not part of them, so
/// junk query strings cannot multiply entries.
///
/// Change detection asks `version` at most once per `checkInterval`: a change made by another process
/// (an import while serving) shows within that bound; entries also expire after `maxAge` so day-relative
/// wording ("Mar 24" vs "Mar 24, 2025") never outlives a new year by long.
public final class ResponseCache: Sendable {
    struct Entry: Sendable {
        let status: HTTPResponse.Status
        let headers: HTTPFields
        let body: ByteBuffer
        /// The body compressed once, when it is text worth compressing.
        let gzipped: ByteBuffer?
        let storedAt: ContinuousClock.Instant
        let bytes: Int
        /// Its place in `State.order`.
        let sequence: Int
    }

    struct State {
        var entries: [String: Entry] = [:]
        /// Keys with their sequence numbers in the order they were stored; a place whose number is not its entry's
        /// (the key was stored again, or dropped) is stale and skipped.
        var order: [(key: String, sequence: Int)] = []
        var nextSequence = 0
        var orderStart = 0
        var bytes = 0
        /// Keys being rendered now, with the requests waiting for that rendering.
        var inFlight: [String: [CheckedContinuation<Rendered?, any Error>]] = [:]
        var version: Int?
        var lastCheck: ContinuousClock.Instant?
    }

    private let state = Mutex(State())
    private let version: @Sendable () -> Int?
    private let checkInterval: Duration
    private let maxAge: Duration
    public let byteLimit: Int

    /// - Parameter version: a number that changes whenever the stored data changes.
    public init(
        byteLimit: Int, checkInterval: Duration = .seconds(1), maxAge: Duration = .seconds(300),
        version: @escaping @Sendable () -> Int?
    ) {
        self.byteLimit = byteLimit
        self.checkInterval = checkInterval
        self.maxAge = maxAge
        self.version = version
    }

    /// The cached response for `key`, or the rendered one, kept when it is a 200.
    ///
    /// Requests that miss together share one rendering (single flight): when the data changes under load, the page
    /// is rendered once, not once per waiting request.
    func response(for key: String, render: () async throws -> Rendered) async throws -> Response {
        if let hit = response(for: key) { return hit }
        let shared: Rendered? = try await withCheckedThrowingContinuation { continuation in
            let leads = state.withLock { state -> Bool in
                if state.inFlight[key] != nil {
                    state.inFlight[key, default: []].append(continuation)
                    return false
                }
                state.inFlight[key] = []
                return true
            }
            if leads { continuation.resume(returning: nil) }
        }
        if let shared { return shared.response }
        do {
            let rendered = try await render()
            if rendered.status == .ok { store(key, status: rendered.status, headers: rendered.headers, body: rendered.body) }
            for waiter in takeWaiters(key) { waiter.resume(returning: rendered) }
            return rendered.response
        } catch {
            for waiter in takeWaiters(key) { waiter.resume(throwing: error) }
            throw error
        }
    }

    private func takeWaiters(_ key: String) -> [CheckedContinuation<Rendered?, any Error>] {
        state.withLock { $0.inFlight.removeValue(forKey: key) ?? [] }
    }

    /// The cached response for `key`, if it is still valid.
    func response(for key: String) -> Response? {
        rendered(for: key)?.response
    }

    /// The cached status, headers and body for `key`, if they are still valid.
    func rendered(for key: String) -> Rendered? {
        let now = ContinuousClock.now
        var (entry, needsCheck) = state.withLock { state in
            (state.entries[key], state.lastCheck.map { now - $0 >= checkInterval } ?? true)
        }
        if needsCheck {
            refreshVersion(now: now)
            entry = state.withLock { $0.entries[key] }
        }
        guard let entry, now - entry.storedAt < maxAge else { return nil }
        return Rendered(status: entry.status, headers: entry.headers, body: entry.body, storeNumber: entry.sequence, gzipped: entry.gzipped)
    }

    /// Keeps a response body for `key`, making room by dropping expired, then the oldest, entries.
    func store(_ key: String, status: HTTPResponse.Status, headers: HTTPFields, body: ByteBuffer) {
        // Compressed here, once per stored page, not once per request.
        let gzipped = Gzip.isCompressible(headers[.contentType]) && body.readableBytes >= Gzip.minimumSize ? Gzip.compress(body) : nil
        let size =
            key.utf8.count + body.readableBytes + (gzipped?.readableBytes ?? 0)
            + headers.reduce(0) { $0 + $1.name.rawName.utf8.count + $1.value.utf8.count + 4 }
        guard size <= byteLimit / 4 else { return }
        let now = ContinuousClock.now
        state.withLock { state in
            let entry = Entry(
                status: status, headers: headers, body: body, gzipped: gzipped, storedAt: now, bytes: size, sequence: state.nextSequence)
            state.nextSequence += 1
            if let old = state.entries.removeValue(forKey: key) { state.bytes -= old.bytes }
            if state.bytes + size > byteLimit { dropExpired(&state, now: now) }
            while state.bytes + size > byteLimit, state.orderStart < state.order.count { dropOldest(&state) }
            state.entries[key] = entry
            state.order.append((key, entry.sequence))
            state.bytes += size
            // The order list holds stale places of replaced entries; compact it before it outgrows the entries.
            if state.order.count - state.orderStart > 2 * state.entries.count + 64 { compactOrder(&state) }
        }
    }

    /// How many bytes and entries the cache holds now.
    var usage: (bytes: Int, entries: Int) {
        state.withLock { ($0.bytes, $0.entries.count) }
    }

    private func dropExpired(_ state: inout State, now: ContinuousClock.Instant) {
        for (key, entry) in state.entries where now - entry.storedAt >= maxAge {
            state.entries[key] = nil
            state.bytes -= entry.bytes
        }
    }

    private func dropOldest(_ state: inout State) {
        let place = state.order[state.orderStart]
        state.orderStart += 1
        if let entry = state.entries[place.key], entry.sequence == place.sequence {
            state.entries[place.key] = nil
            state.bytes -= entry.bytes
        }
        if state.orderStart > 1_024, state.orderStart * 2 > state.order.count { compactOrder(&state) }
    }

    private func compactOrder(_ state: inout State) {
        let entries = state.entries
        state.order = state.order[state.orderStart...].filter { entries[$0.key]?.sequence == $0.sequence }
        state.orderStart = 0
    }

    /// Forgets everything (after a write made by this process).
    public func invalidate() {
        state.withLock { Self.clear(&$0) }
    }

    private static func clear(_ state: inout State) {
        state.entries.removeAll(keepingCapacity: true)
        state.order.removeAll(keepingCapacity: true)
        state.orderStart = 0
        state.bytes = 0
    }

    private func refreshVersion(now: ContinuousClock.Instant) {
        let current = version()
        state.withLock { state in
            if state.version != current { Self.clear(&state) }
            state.version = current
            state.lastCheck = now
        }
    }
}
