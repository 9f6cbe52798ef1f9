import Embeddings
import PapersCore
import Synchronization

/// Bounds what searches may take of the machine: at most `count` run and `queueLimit` wait (`admitted`), refused at
/// once past that with a 503 and `Retry-After` — before the query is even parsed — instead of stalling every page
/// behind a pile of long queries. Their CPU-heavy part (embedding the query, scanning the indexes) runs on `count`
/// threads of their own (`compute`), fewer than the cores and a little below normal priority, so pages are served
/// first: the event loops that answer them also run Swift's tasks in this process.
public final class SearchWorkers: Sendable {
    public let count: Int
    public let queueLimit: Int
    /// The nice value of the search threads: pages (at 0) get the cores first under load.
    public static let niceness: Int32 = 5
    private let threads: BackgroundThreads
    /// Searches running or waiting now.
    private let admitted = Mutex(0)

    public init(count: Int, queueLimit: Int) {
        self.count = max(1, count)
        self.queueLimit = max(0, queueLimit)
        threads = BackgroundThreads(count: self.count, niceness: Self.niceness)
    }

    /// Searches running or waiting now.
    public var load: Int { admitted.withLock { $0 } }

    /// Runs a whole search holding a place; throws `unavailable` at once when every place is taken.
    public func admitted<T: Sendable>(_ search: () async throws -> T) async throws -> T {
        let accepted = admitted.withLock { admitted in
            guard admitted < count + queueLimit else { return false }
            admitted += 1
            return true
        }
        guard accepted else {
            throw CommunityError(.unavailable, "Search is busy right now: please try again in a moment.", retryAfterSeconds: 1)
        }
        defer { admitted.withLock { $0 -= 1 } }
        return try await search()
    }

    /// `body`'s result, computed on a search thread (after the searches ahead of it).
    public func compute<T: Sendable>(_ body: @escaping @Sendable () -> T) async -> T {
        let result = Mutex<T?>(nil)
        await threads.run(parts: 1) { _ in
            let value = body()
            result.withLock { $0 = value }
        }
        guard let value = result.withLock({ $0 }) else { preconditionFailure("a search thread finished without a result") }
        return value
    }
}
