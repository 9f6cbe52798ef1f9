import Embeddings
import PapersCore
import Synchronization

/// Bounds what searches may take of the machine: their CPU-heavy part (embedding the query, scanning the indexes)
/// runs on `count` threads of their own — fewer than the cores, so pages are always served — and at most
/// `queueLimit` searches wait for one. A search past that is refused at once with a 503 and `Retry-After`, instead
/// of stalling every page behind a pile of long queries.
public final class SearchWorkers: Sendable {
    public let count: Int
    public let queueLimit: Int
    private let threads: BackgroundThreads
    /// Searches running or waiting now.
    private let admitted = Mutex(0)

    /// `count` threads at normal priority (a visitor waits for each search), and room for `queueLimit` waiting.
    public init(count: Int, queueLimit: Int) {
        self.count = max(1, count)
        self.queueLimit = max(0, queueLimit)
        threads = BackgroundThreads(count: self.count, niceness: 0)
    }

    /// The default for a machine: one thread fewer than its cores, at least one.
    public static var defaultCount: Int { max(1, CoreSplit.cores - 1) }

    /// Searches running or waiting now.
    public var load: Int { admitted.withLock { $0 } }

    /// `body`'s result, computed on a worker; throws `unavailable` when every worker is busy and the queue is full.
    public func run<T: Sendable>(_ body: @escaping @Sendable () -> T) async throws -> T {
        try admit()
        defer { admitted.withLock { $0 -= 1 } }
        let result = Mutex<T?>(nil)
        await threads.run(parts: 1) { _ in
            let value = body()
            result.withLock { $0 = value }
        }
        guard let value = result.withLock({ $0 }) else { preconditionFailure("a search worker finished without a result") }
        return value
    }

    private func admit() throws {
        let accepted = admitted.withLock { admitted in
            guard admitted < count + queueLimit else { return false }
            admitted += 1
            return true
        }
        guard accepted else {
            throw CommunityError(.unavailable, "Search is busy right now: please try again in a moment.", retryAfterSeconds: 1)
        }
    }
}
