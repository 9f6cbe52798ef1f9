import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import PapersCore
import Search
import Storage
import TestSupport
import Testing
import Web

/// A running application on a temporary database holding `papers`, with a fixed clock.
struct TestSite {
    static let now = Timestamp(iso: "2025-11-05T12:00:00.000Z") ?? Timestamp(millisecondsSinceEpoch: 0)

    let temporary: TemporaryDatabase
    let cache: ResponseCache

    init(papers: [Paper]) async throws {
        temporary = try await TemporaryDatabase()
        _ = try await temporary.store.apply(papers.map(SamplePapers.update), at: Self.now)
        // What `serve`'s background loop does within a second: the SQL keyword index follows the change log.
        try await temporary.store.catchUpSearchIndex()
        let database = temporary.database
        cache = ResponseCache(checkInterval: .zero) { try? database.dataVersion() }
    }

    /// Runs `body` with a client that sends requests straight to the router, or (`.live`) over a real connection
    /// through the whole server, the cached-page fast path included.
    func run<T: Sendable>(
        community: CommunityFeatures? = nil, search: PaperSearch? = nil, now: Timestamp = Self.now, calendar: ArxivCalendar = ArxivCalendar(),
        testing: TestingSetup = .router, _ body: @Sendable @escaping (any TestClientProtocol) async throws -> T
    ) async throws -> T {
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        let dependencies = AppDependencies(
            store: temporary.store, cache: cache, clock: { now }, logger: logger, community: community, search: search,
            arxivCalendar: calendar, ingest: SQLIngestStore(database: temporary.database)
        )
        let app = buildApplication(dependencies, settings: ServerSettings(hostname: "127.0.0.1", port: 0))
        return try await app.test(testing) { client in try await body(client) }
    }
}

extension TestResponse {
    var text: String { String(buffer: body) }

    func json<T: Decodable>(_ type: T.Type) throws -> T {
        try JSONDecoder().decode(type, from: Data(text.utf8))
    }
}

extension TestClientProtocol {
    func get(_ uri: String) async throws -> TestResponse {
        try await execute(uri: uri, method: .get)
    }
}

/// The papers most web tests serve: three days of a feed, an organization, an old-style id and an unfeatured paper.
enum WebFixtures {
    static let nvidia = Organization(name: "nvidia", fullname: "NVIDIA")

    static var papers: [Paper] {
        var oldStyle = SamplePapers.paper("quant-ph/0210005", title: "Old style id", featured: nil, published: "2002-10-01T00:00:00.000Z")
        oldStyle.categories = ["quant-ph"]
        return [
            SamplePapers.paper("2510.00001", title: "Day one top", featured: "2025-10-30", upvotes: 50, submitter: "akhaliq"),
            SamplePapers.paper("2510.00002", title: "Day one second", featured: "2025-10-30", upvotes: 10, published: "2024-10-01T00:00:00.000Z"),
            SamplePapers.paper("2511.00001", title: "Latest top", featured: "2025-11-03", upvotes: 30, organization: nvidia),
            SamplePapers.paper("2511.00002", title: "Latest second", featured: "2025-11-03", upvotes: 20, submitter: "akhaliq"),
            SamplePapers.paper("2511.00003", title: "Next week", featured: "2025-11-10", upvotes: 5),
            oldStyle,
        ]
    }
}
