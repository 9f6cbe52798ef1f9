import NIOCore
import Synchronization

/// The open connections: how many in all and per client, and which are idle between two requests (and since when).
///
/// One client (an address, an IPv6 /64) may hold at most `maxPerClient` connections, so a single host cannot fill
/// the server. At `maxConnections` a new connection takes the place of an idle keep-alive one (HTTP lets a server
/// close those; clients retry on a fresh connection) and is refused only when none is idle.
final class ConnectionTable: Sendable {
    /// One open connection; its cached-page handler says when it is idle.
    final class Entry: Sendable {
        let channel: any Channel
        /// The rate-limit key of the peer's address (`ClientAddress.limitKey`), worked out once per connection.
        let peer: String
        /// The peer in the per-client count; nil for a trusted proxy, which carries many clients.
        let client: String?
        /// When it became idle (`NIODeadline` nanoseconds), or `busy` while it handles a request.
        private let idleSince = Atomic<Int64>(Entry.busy)
        private static let busy = Int64.max

        init(channel: any Channel, peer: String, countedPerClient: Bool) {
            self.channel = channel
            self.peer = peer
            client = countedPerClient ? peer : nil
        }

        /// Marks the connection as waiting for a request (`true`) or handling one (`false`).
        func setIdle(_ value: Bool) {
            let since = idleSince.load(ordering: .relaxed)
            if value, since == Self.busy {
                idleSince.store(Int64(clamping: NIODeadline.now().uptimeNanoseconds), ordering: .relaxed)
            } else if !value, since != Self.busy {
                idleSince.store(Self.busy, ordering: .relaxed)
            }
        }

        /// When the connection became idle; nil while it is busy.
        fileprivate var idleFrom: Int64? {
            let since = idleSince.load(ordering: .relaxed)
            return since == Self.busy ? nil : since
        }

        /// Takes the connection out of the idle ones, when it is still idle since `since`: only one admission evicts it.
        fileprivate func claimIdle(since: Int64) -> Bool {
            idleSince.compareExchange(expected: since, desired: Self.busy, ordering: .relaxed).exchanged
        }
    }

    /// What happens to a new connection.
    enum Admission {
        /// Served; `evicting` is an idle connection to close to make room for it.
        case admitted(Entry, evicting: (any Channel)?)
        /// Closed at once: its client holds `maxPerClient` already, or the server is full of busy connections.
        case refused
    }

    let maxConnections: Int
    let maxPerClient: Int
    private let state = Mutex<State>(State())

    private struct State {
        var entries: [ObjectIdentifier: Entry] = [:]
        var perClient: [String: Int] = [:]
    }

    init(maxConnections: Int, maxPerClient: Int) {
        self.maxConnections = maxConnections
        self.maxPerClient = maxPerClient
    }

    /// Admits `channel` from `peer` (a rate-limit key; `countedPerClient` false for a trusted proxy), or refuses it.
    func admit(_ channel: any Channel, peer: String, countedPerClient: Bool) -> Admission {
        let entry = Entry(channel: channel, peer: peer, countedPerClient: countedPerClient)
        return state.withLock { state in
            if let client = entry.client, state.perClient[client, default: 0] >= maxPerClient { return .refused }
            var victim: (any Channel)?
            if state.entries.count >= maxConnections {
                // The connection idle the longest goes. An evicted entry stays counted until its close completes; the
                // scan is bounded by the cap and runs only at it.
                let idle = state.entries.values.compactMap { entry in entry.idleFrom.map { (entry, $0) } }
                guard let (oldest, since) = idle.min(by: { $0.1 < $1.1 }), oldest.claimIdle(since: since) else { return .refused }
                victim = oldest.channel
            }
            state.entries[ObjectIdentifier(channel)] = entry
            if let client = entry.client { state.perClient[client, default: 0] += 1 }
            return .admitted(entry, evicting: victim)
        }
    }

    /// Forgets a closed connection.
    func remove(_ entry: Entry) {
        state.withLock { state in
            guard state.entries.removeValue(forKey: ObjectIdentifier(entry.channel)) != nil, let client = entry.client else { return }
            let left = state.perClient[client, default: 1] - 1
            state.perClient[client] = left > 0 ? left : nil
        }
    }
}
