import Community
import PapersCore
import Storage
import Synchronization
import TestSupport

/// A clock a test moves by hand.
final class ManualClock: Sendable {
    private let time: Mutex<Timestamp>

    init(_ start: Timestamp) {
        time = Mutex(start)
    }

    var now: Timestamp { time.withLock { $0 } }

    func advance(minutes: Int64) {
        time.withLock { $0 = Timestamp(millisecondsSinceEpoch: $0.millisecondsSinceEpoch + minutes * 60_000) }
    }

    /// The clock as the services take it.
    var reading: @Sendable () -> Timestamp { { self.now } }
}

/// The services of one temporary database, on one manual clock, with mail off.
struct ServiceFixtures {
    static let start = Timestamp(iso: "2025-11-05T12:00:00.000Z") ?? Timestamp(millisecondsSinceEpoch: 0)

    let temporary: TemporaryDatabase
    let stores: CommunityStores
    let clock = ManualClock(Self.start)

    init(_ temporary: TemporaryDatabase, papers: [Paper] = []) async throws {
        self.temporary = temporary
        stores = CommunityStores(database: temporary.database)
        _ = try await temporary.store.apply(papers.map(SamplePapers.update), at: Self.start)
    }

    var accounts: AccountService {
        AccountService(users: stores.users, sessions: stores.sessions, hasher: PasswordHasher(cost: 4), mailer: nil, clock: clock.reading)
    }

    var comments: CommentService { CommentService(store: stores.comments, clock: clock.reading) }

    var organizations: OrganizationService {
        OrganizationService(store: stores.organizations, users: stores.users, papers: temporary.store, clock: clock.reading)
    }

    /// A member with the password "password-\(name)".
    func member(_ name: String, role: UserRole = .user) async throws -> User {
        try await accounts.createAccount(username: name, email: "\(name)@example.org", password: "password-\(name)", role: role)
    }
}
