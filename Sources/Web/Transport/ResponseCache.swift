import Hummingbird
import HummingbirdCore
import PapersCore
import Synchronization

/// Rendered responses kept in memory, dropped whenever the database changes, bounded by bytes.
///
/// At most `byteLimit` bytes are kept, counted as `CacheEntry.bytes` (what an entry really holds). Room is made
/// by a CLOCK (second chance): the hand takes the oldest entry; one read since the hand last passed is moved to the
/// back, any other is dropped — a read costs one flag, a store amortized O(1), and pages people keep reading stay.
/// Keys are canonical (`CacheKeys`): parameters a route does not read are not part of them, so junk query strings
/// cannot multiply entries.
///
/// Change detection asks `version` at most once per `checkInterval`: a change made by another process
/// (an import while serving) shows within that bound; entries also expire after `maxAge` so day-relative
/// wording ("Mar 24" vs "Mar 24, 2025") never outlives a new year by long.
public final class ResponseCache: Sendable {
    struct State {
        var entries: [String: CacheEntry] = [:]
        /// The clock's ring: keys with their entries' sequence numbers, oldest first from `handAt`; a place whose
        /// number is not its entry's (the key was stored again, or dropped) is stale and skipped.
        var ring: [(key: String, sequence: Int)] = []
        var handAt = 0
        var nextSequence = 0
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
            if rendered.status == .ok { store(key, rendered) }
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
        entry.touch()
        return entry.rendered
    }

    /// Keeps a response for `key`, making room by the clock.
    func store(_ key: String, _ rendered: Rendered) {
        let now = ContinuousClock.now
        let sequence = state.withLock { state in
            defer { state.nextSequence += 1 }
            return state.nextSequence
        }
        let entry = CacheEntry(key: key, rendered: rendered, storedAt: now, sequence: sequence)
        guard entry.bytes <= byteLimit / 4 else { return }
        state.withLock { state in
            if let old = state.entries.removeValue(forKey: key) { state.bytes -= old.bytes }
            while state.bytes + entry.bytes > byteLimit, state.handAt < state.ring.count { advanceHand(&state, now: now) }
            state.entries[key] = entry
            state.ring.append((key, sequence))
            state.bytes += entry.bytes
            // The ring holds stale places of replaced entries; compact it before it outgrows the entries.
            if state.ring.count - state.handAt > 2 * state.entries.count + 64 { compactRing(&state) }
        }
    }

    /// How many bytes and entries the cache holds now.
    var usage: (bytes: Int, entries: Int) {
        state.withLock { ($0.bytes, $0.entries.count) }
    }

    /// Takes the oldest place: drops its entry, unless it was read since and is still fresh, which goes to the back.
    private func advanceHand(_ state: inout State, now: ContinuousClock.Instant) {
        let place = state.ring[state.handAt]
        state.handAt += 1
        if let entry = state.entries[place.key], entry.sequence == place.sequence {
            if entry.takeReference(), now - entry.storedAt < maxAge {
                state.ring.append(place)
            } else {
                state.entries[place.key] = nil
                state.bytes -= entry.bytes
            }
        }
        if state.handAt > 1_024, state.handAt * 2 > state.ring.count { compactRing(&state) }
    }

    private func compactRing(_ state: inout State) {
        let entries = state.entries
        state.ring = state.ring[state.handAt...].filter { entries[$0.key]?.sequence == $0.sequence }
        state.handAt = 0
    }

    /// Forgets everything (after a write made by this process).
    public func invalidate() {
        state.withLock { Self.clear(&$0) }
    }

    private static func clear(_ state: inout State) {
        state.entries.removeAll(keepingCapacity: true)
        state.ring.removeAll(keepingCapacity: true)
        state.handAt = 0
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
