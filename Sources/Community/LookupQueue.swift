import PapersCore
import Synchronization

/// Bounds the arXiv lookups waiting for their turn (arXiv allows one request every 3 seconds): at most
/// `perMember` at once for one member and `capacity` in all. A lookup past either bound is refused at once with
/// a `Retry-After`, instead of holding its request (and a connection) for half a minute.
public final class LookupQueue: Sendable {
    public let capacity: Int
    public let perMember: Int
    /// Roughly how long one lookup holds its place (arXiv's interval), for the `Retry-After` of a refusal.
    let secondsPerLookup: Int
    private let state = Mutex<(total: Int, byMember: [String: Int])>((0, [:]))

    public init(capacity: Int = 4, perMember: Int = 1, secondsPerLookup: Int = 3) {
        self.capacity = capacity
        self.perMember = perMember
        self.secondsPerLookup = secondsPerLookup
    }

    /// Runs `lookup` holding a place for `member`, or throws `unavailable` when no place is free.
    public func run<T: Sendable>(for member: String, _ lookup: () async throws -> T) async throws -> T {
        try admit(member)
        defer { release(member) }
        return try await lookup()
    }

    /// The lookups holding a place now.
    public var waiting: Int { state.withLock { $0.total } }

    private func admit(_ member: String) throws {
        let refusal = state.withLock { state -> CommunityError? in
            if state.byMember[member, default: 0] >= perMember {
                return CommunityError(
                    .unavailable, "Your previous arXiv lookup is still running: wait for it, then try again.", retryAfterSeconds: secondsPerLookup)
            }
            if state.total >= capacity {
                let wait = secondsPerLookup * state.total
                return CommunityError(.unavailable, "arXiv lookups are queued full right now: try again in \(wait) seconds.", retryAfterSeconds: wait)
            }
            state.total += 1
            state.byMember[member, default: 0] += 1
            return nil
        }
        if let refusal { throw refusal }
    }

    private func release(_ member: String) {
        state.withLock { state in
            state.total -= 1
            let left = state.byMember[member, default: 1] - 1
            state.byMember[member] = left > 0 ? left : nil
        }
    }
}
