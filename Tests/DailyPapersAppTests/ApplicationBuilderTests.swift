import DailyPapersApp
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import PapersCore
import Storage
import TestSupport
import Testing
import Web

/// The application as `serve` builds it, from a configuration, on a real SQLite file: no hand-made wiring.
@Suite struct ApplicationBuilderTests {
    static let now = Timestamp(iso: "2025-11-05T12:00:00.000Z") ?? Timestamp(millisecondsSinceEpoch: 0)

    static func configuration(_ temporary: TemporaryDatabase, _ environment: [String: String] = [:]) throws -> AppConfiguration {
        try AppConfiguration(
            ConfigurationLayers(
                environment: [
                    "DATABASE_URL": temporary.path, "DAILYPAPERS_MODEL": "/nonexistent/model", "BCRYPT_COST": "4",
                    "PUBLIC_URL": "https://papers.example/",
                ].merging(environment) { _, given in given }))
    }

    static func builder(_ configuration: AppConfiguration) -> ApplicationBuilder {
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        return ApplicationBuilder(configuration: configuration, overrides: .init(clock: { now }, cacheCheckInterval: .zero), logger: logger)
    }

    /// The temporary SQLite file as `serve` opens it.
    static func opened(_ temporary: TemporaryDatabase) -> OpenDatabase {
        OpenDatabase(sql: temporary.database, location: .sqlite(path: temporary.path), sqlite: temporary.database)
    }

    /// The application `serve` builds on the temporary file, with `environment` on top of the test settings.
    static func application(_ temporary: TemporaryDatabase, _ environment: [String: String] = [:]) async throws -> some ApplicationProtocol {
        try await builder(try configuration(temporary, environment)).build(on: opened(temporary))
    }

    @Test func theBuiltApplicationServesPagesWithItsBackgroundServices() async throws {
        try await TemporaryDatabase.with { temporary in
            let papers = [SamplePapers.paper("2511.00001", title: "Sparse attention for long video", featured: "2025-11-03", upvotes: 30)]
            _ = try await temporary.store.apply(papers.map(SamplePapers.update), at: Self.now)
            let builder = Self.builder(try Self.configuration(temporary))
            let open = Self.opened(temporary)
            let parts = try await builder.parts(on: open)
            #expect(parts.dependencies.site.base == "https://papers.example")
            #expect(parts.dependencies.community.secureCookies == true, "https public URL: Secure cookies")
            #expect(parts.dependencies.mail.setup.isEnabled == false, "no SMTP_URL: mail off")
            #expect(parts.services.count == 2, "the FTS catch-up and the keyword index; no embedder without the model")
            let app = try await builder.build(on: open)
            try await app.test(.router) { client in
                let home = try await client.execute(uri: "/", method: .get)
                #expect(home.status == .ok)
                #expect(String(buffer: home.body).contains("Sparse attention for long video"))
                #expect(home.headers[.strictTransportSecurity] != nil, "HSTS from the https public URL")
                let feed = try await client.execute(uri: "/papers/feed.atom", method: .get)
                #expect(String(buffer: feed.body).contains("https://papers.example/papers/2511.00001"))
                var found = false
                for _ in 0..<50 where !found {
                    let search = try await client.execute(uri: "/api/papers/search?q=sparse%20attention&mode=keyword", method: .get)
                    found = String(buffer: search.body).contains("2511.00001")
                    if !found { try await Task.sleep(for: .milliseconds(100)) }
                }
                #expect(found, "the keyword index is filled by its background service")
            }
        }
    }

    @Test func theCommunityWiringTakesTheConfiguredLimits() async throws {
        try await TemporaryDatabase.with { temporary in
            let app = try await Self.application(temporary, ["RATE_LIMITS": "pages=1"])
            try await app.test(.router) { client in
                let first = try await client.execute(uri: "/", method: .get)
                #expect(first.status == .ok)
                #expect(first.headers[HTTPField.Name("RateLimit-Policy")!] == "1;w=300")
                let second = try await client.execute(uri: "/papers/trending", method: .get)
                #expect(second.status == .tooManyRequests)
            }
        }
    }
}
