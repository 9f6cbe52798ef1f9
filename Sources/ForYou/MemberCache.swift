import Synchronization

/// Values kept per member, at most `capacity` of them: the least recently used goes first. Bounded so that a site
/// with a million members keeps only its active ones' rankings in memory.
final class MemberCache<Value: Sendable>: Sendable {
    private struct Entry {
        var value: Value
        var lastUse: UInt64
    }

    private struct State {
        var entries: [Int64: Entry] = [:]
        var tick: UInt64 = 0
    }

    private let state = Mutex(State())
    let capacity: Int

    init(capacity: Int) {
        self.capacity = capacity
    }

    func value(for member: Int64) -> Value? {
        state.withLock { state in
            state.tick += 1
            state.entries[member]?.lastUse = state.tick
            return state.entries[member]?.value
        }
    }

    func store(_ value: Value, for member: Int64) {
        state.withLock { state in
            state.tick += 1
            state.entries[member] = Entry(value: value, lastUse: state.tick)
            // Evicting a sixteenth at once keeps the cost of a full cache's insert at one pass per many inserts.
            if state.entries.count > capacity {
                let oldest = state.entries.sorted { $0.value.lastUse < $1.value.lastUse }.prefix(max(1, capacity / 16))
                for (member, _) in oldest { state.entries[member] = nil }
            }
        }
    }

    func remove(_ member: Int64) {
        _ = state.withLock { $0.entries.removeValue(forKey: member) }
    }
}
