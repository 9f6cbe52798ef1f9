import DailyPapersApp
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

/// A running application on a temporary database holding `papers`, with a fixed clock, built as `serve` builds it
/// (`ApplicationBuilder`): the tests wire nothing by hand.
struct TestSite {
    static let now = Timestamp(iso: "2025-11-05T12:00:00.000Z") ?? Timestamp(millisecondsSinceEpoch: 0)
    /// Limits high enough that only tests about limits meet them.
    static let generousLimits = RateLimits.Bucket.allCases.map { "\($0.rawValue)=100000/100000" }.joined(separator: ",")

    let temporary: TemporaryDatabase

    init(papers: [Paper]) async throws {
        temporary = try await TemporaryDatabase()
        _ = try await temporary.store.apply(papers.map(SamplePapers.update), at: Self.now)
        // What `serve`'s background loop does within a second: the SQL keyword index follows the change log.
        try await temporary.store.catchUpSearchIndex()
    }

    /// The builder `serve` uses, on the test's settings plus `environment`, with the test's clock and `overrides`.
    func builder(
        environment: [String: String] = [:], now: Timestamp = Self.now, overrides: ApplicationBuilder.Overrides = .init()
    ) throws
        -> ApplicationBuilder
    {
        let settings = [
            "DATABASE_URL": temporary.path, "DAILYPAPERS_MODEL": "/nonexistent/model", "BCRYPT_COST": "4", "RATE_LIMITS": Self.generousLimits,
            "PORT": "0", "PUBLIC_URL": "http://127.0.0.1:8080",
        ]
        let configuration = try AppConfiguration(ConfigurationLayers(environment: settings.merging(environment) { _, given in given }))
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        var overrides = overrides
        overrides.clock = { now }
        overrides.cacheCheckInterval = .zero
        return ApplicationBuilder(configuration: configuration, overrides: overrides, logger: logger)
    }

    /// The application's parts as the builder makes them.
    func parts(
        environment: [String: String] = [:], now: Timestamp = Self.now, overrides: ApplicationBuilder.Overrides = .init()
    ) async throws
        -> ApplicationBuilder.Parts
    {
        try await builder(environment: environment, now: now, overrides: overrides).parts(on: opened)
    }

    /// The temporary SQLite file as `serve` opens it.
    var opened: OpenDatabase {
        OpenDatabase(sql: temporary.database, location: .sqlite(path: temporary.path), sqlite: temporary.database)
    }

    /// Runs `body` with a client that sends requests straight to the router, or (`.live`) over a real connection
    /// through the whole server, the cached-page fast path included. The background services do not run: what they
    /// would do, a test does itself.
    func run<T: Sendable>(
        environment: [String: String] = [:], now: Timestamp = Self.now, overrides: ApplicationBuilder.Overrides = .init(),
        testing: TestingSetup = .router, _ body: @Sendable @escaping (any TestClientProtocol) async throws -> T
    ) async throws -> T {
        let builder = try builder(environment: environment, now: now, overrides: overrides)
        let parts = try await builder.parts(on: opened)
        let app = buildApplication(parts.dependencies, settings: builder.configuration.server)
        return try await app.test(testing) { client in try await body(client) }
    }

    /// Runs `body` with search by meaning on, through `semantic` (vectors the test embedded).
    func run<T: Sendable>(semantic: SemanticIndex, _ body: @Sendable @escaping (any TestClientProtocol) async throws -> T) async throws -> T {
        try await run(overrides: .init(semantic: semantic), body)
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
