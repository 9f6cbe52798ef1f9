import Logging
import Synchronization

/// Tells every instance on a PostgreSQL database that data changed, by polling the server's transaction snapshot.
///
/// `pg_current_snapshot()` changes whenever a transaction that writes starts or ends anywhere on the server, so
/// comparing it between polls detects every commit within one `interval`, without triggers or a hot counter row
/// that every vote would have to lock. Read-only traffic leaves it alone.
public final class PostgresChangeWatcher: Sendable {
    private let database: any SQLDatabase
    private let interval: Duration
    private let logger: Logger
    private let latest = Mutex<Int?>(nil)

    public init(database: any SQLDatabase, interval: Duration = .milliseconds(500), logger: Logger) {
        self.database = database
        self.interval = interval
        self.logger = logger
    }

    /// The last snapshot seen, as a number that changes when the data does; nil before the first poll (or while the
    /// server is unreachable, so caches are not trusted then).
    public func version() -> Int? {
        latest.withLock { $0 }
    }

    /// Reads the snapshot once.
    public func poll() async {
        do {
            let snapshot = try await database.query("SELECT pg_current_snapshot()::text AS snapshot").first?.string("snapshot")
            latest.withLock { $0 = snapshot.map(Self.number) }
        } catch {
            latest.withLock { $0 = nil }
            logger.debug("change poll failed", metadata: ["error": "\(error)"])
        }
    }

    /// Polls until cancelled.
    public func run() async throws {
        while !Task.isCancelled {
            await poll()
            try await Task.sleep(for: interval)
        }
    }

    /// A stable number for a snapshot text (FNV-1a), so versions compare across polls.
    static func number(_ text: String) -> Int {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return Int(truncatingIfNeeded: hash)
    }
}
