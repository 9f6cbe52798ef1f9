import PapersCore
import Synchronization

/// The week's candidates, shared by every member's ranking: read again when the day changes or after
/// `lifetime` (new papers, new upvotes). A read that brings other papers (or another day) is a new generation, which
/// members' cached rankings compare against; one that only moves upvote counts keeps the generation, so the cached
/// rankings stay (their popularity term lags by at most a lifetime).
final class SharedPool: Sendable {
    private struct Current {
        let pool: CandidatePool?
        let readAt: Timestamp
        let today: Day
        let generation: Int
    }

    private let store: ForYouService.Stores
    private let days: Int
    private let lifetimeMilliseconds: Int64
    private let current = Mutex<Current?>(nil)

    init(store: ForYouService.Stores, days: Int, lifetimeSeconds: Int64 = 300) {
        self.store = store
        self.days = days
        self.lifetimeMilliseconds = lifetimeSeconds * 1000
    }

    func current(at now: Timestamp) async throws -> (pool: CandidatePool?, generation: Int) {
        let today = now.day
        if let current = current.withLock({ $0 }), current.today == today,
            now.millisecondsSinceEpoch - current.readAt.millisecondsSinceEpoch < lifetimeMilliseconds
        {
            return (current.pool, current.generation)
        }
        let pool = try await read(today: today)
        return current.withLock { current in
            let same = current.map { $0.today == today && $0.pool?.ids == pool?.ids } ?? false
            let generation = (current?.generation ?? 0) + (same ? 0 : 1)
            current = Current(pool: pool, readAt: now, today: today, generation: generation)
            return (pool, generation)
        }
    }

    private func read(today: Day) async throws -> CandidatePool? {
        guard let last = try await store.profiles.latestDay(onOrBefore: today) else { return nil }
        let window = last.adding(days: 1 - days)...last
        return CandidatePool(try await store.papers.recentPapers(from: window.lowerBound, through: window.upperBound), days: window)
    }
}
