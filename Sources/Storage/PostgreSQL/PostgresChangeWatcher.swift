import Logging
import Synchronization

/// Tells every instance on a PostgreSQL database that data changed, by polling the server's transaction snapshot.
///
/// `pg_current_snapshot()` changes whenever a transaction that writes starts or ends anywhere on the server, so
/// comparing it between polls detects every commit within one poll interval, without triggers or a hot counter row
/// that every vote would have to lock. Read-only traffic leaves it alone.
public final class PostgresChangeWatcher: Sendable {
    private let database: any SQLDatabase
    private let logger: Logger
    private let latest = Mutex<Int?>(nil)

    /// How often `serve` polls: with the cache's own check once a second, a change shows within about 1.5 s.
    public static let interval = Duration.milliseconds(500)

    public init(database: any SQLDatabase, logger: Logger) {
        self.database = database
        self.logger = logger
    }

    /// The last snapshot seen, as a number that changes when the data does (its hash: versions are only compared
    /// within this process); nil before the first poll (or while the
    /// server is unreachable, so caches are not trusted then).
    public func version() -> Int? {
        latest.withLock { $0 }
    }

    /// Reads the snapshot once.
    public func poll() async {
        do {
            let snapshot = try await database.query("SELECT pg_current_snapshot()::text AS snapshot").first?.string("snapshot")
            latest.withLock { $0 = snapshot?.hashValue }
        } catch {
            latest.withLock { $0 = nil }
            logger.debug("change poll failed", metadata: ["error": "\(error)"])
        }
    }

}
