import Hummingbird
import Synchronization

/// Rendered responses kept in memory, dropped whenever the database changes.
///
/// Change detection asks `version` at most once per `checkInterval`: a change made by another process
/// (an import while serving) shows within that bound; entries also expire after `maxAge` so day-relative
/// wording ("Mar 24" vs "Mar 24, 2025") never outlives a new year by long.
public final class ResponseCache: Sendable {
    struct Entry: Sendable {
        let status: HTTPResponse.Status
        let headers: HTTPFields
        let body: ByteBuffer
        let storedAt: ContinuousClock.Instant
    }

    struct State {
        var entries: [String: Entry] = [:]
        /// Keys being rendered now, with the requests waiting for that rendering.
        var inFlight: [String: [CheckedContinuation<Rendered?, any Error>]] = [:]
        var version: Int?
        var lastCheck: ContinuousClock.Instant?
    }

    private let state = Mutex(State())
    private let version: @Sendable () -> Int?
    private let checkInterval: Duration
    private let maxAge: Duration
    private let capacity: Int

    /// - Parameter version: a number that changes whenever the stored data changes.
    public init(capacity: Int = 4_096, checkInterval: Duration = .seconds(1), maxAge: Duration = .seconds(300), version: @escaping @Sendable () -> Int?) {
        self.capacity = capacity
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
        let now = ContinuousClock.now
        let needsCheck = state.withLock { state in
            state.lastCheck.map { now - $0 >= checkInterval } ?? true
        }
        if needsCheck { refreshVersion(now: now) }
        guard let entry = state.withLock({ $0.entries[key] }), now - entry.storedAt < maxAge else { return nil }
        return Response(status: entry.status, headers: entry.headers, body: .init(byteBuffer: entry.body))
    }

    /// Keeps a response body for `key`.
    func store(_ key: String, status: HTTPResponse.Status, headers: HTTPFields, body: ByteBuffer) {
        let entry = Entry(status: status, headers: headers, body: body, storedAt: .now)
        state.withLock { state in
            if state.entries.count >= capacity { state.entries.removeAll(keepingCapacity: true) }
            state.entries[key] = entry
        }
    }

    /// Forgets everything (after a write made by this process).
    public func invalidate() {
        state.withLock { $0.entries.removeAll(keepingCapacity: true) }
    }

    private func refreshVersion(now: ContinuousClock.Instant) {
        let current = version()
        state.withLock { state in
            if state.version != current { state.entries.removeAll(keepingCapacity: true) }
            state.version = current
            state.lastCheck = now
        }
    }
}

/// The page cache for visitors: members see pages of their own (their votes, their forms), rendered fresh.
enum PageCaching {
    static func cached(_ request: Request, cache: ResponseCache, variant: String = "", render: () async throws -> Rendered) async throws -> Response {
        if Viewer.current != nil { return try await render().response }
        return try await cache.response(for: request.uri.description + variant, render: render)
    }
}
