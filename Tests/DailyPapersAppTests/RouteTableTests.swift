import DailyPapersApp
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import PapersCore
import TestSupport
import Testing

/// Every route of the table reaches its handler in the application `serve` builds, and nothing else registers one.
@Suite struct RouteTableTests {
    /// What the server answers for an address no route has.
    static let unrouted = "There is no page at this address."

    @Test func everyRouteReachesAHandler() async throws {
        try await TemporaryDatabase.with { temporary in
            let app = try await ApplicationBuilderTests.application(temporary)
            try await app.test(.router) { client in
                // The example asset has a made-up hash: the real ones are fetched by the page tests.
                for route in Route.examples where !Self.isAsset(route) {
                    let method = HTTPRequest.Method(route.method.rawValue) ?? .get
                    let response = try await client.execute(uri: route.path, method: method)
                    #expect(!String(buffer: response.body).contains(Self.unrouted), "\(route.method.rawValue) \(route.path) → \(response.status)")
                }
                let unknown = try await client.execute(uri: "/papers/a/b/c", method: .get)
                #expect(
                    unknown.status == .notFound && String(buffer: unknown.body).contains(Self.unrouted),
                    "the sentinel is what an unknown address gets")
                let head = try await client.execute(uri: Route.trending.path, method: .head)
                #expect(head.status == .ok && head.body.readableBytes == 0, "HEAD is the GET route without its body")
            }
        }
    }

    @Test func aBadValueIsA400ThatNamesItAndCountsTowardTheLimit() async throws {
        try await TemporaryDatabase.with { temporary in
            let app = try await ApplicationBuilderTests.application(temporary, ["RATE_LIMITS": "pages=1"])
            try await app.test(.router) { client in
                let bad = try await client.execute(uri: "/papers/date/2025-13-01", method: .get)
                #expect(
                    bad.status == .badRequest && String(buffer: bad.body).contains("2025-13-01")
                        && String(buffer: bad.body).contains("is not a date: use YYYY-MM-DD."))
                let api = try await client.execute(uri: "/api/papers/%zz", method: .get)
                #expect(api.status == .badRequest && String(buffer: api.body).hasPrefix("{\"error\""), "an API address answers JSON")
                let third = try await client.execute(uri: "/papers/week/2025-W99", method: .get)
                #expect(third.status == .tooManyRequests, "malformed addresses are counted like any other")
            }
        }
    }

    @Test func noHandlerIsRegisteredOutsideTheTable() throws {
        let web = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Sources/Web").standardized
        let files = try #require(FileManager.default.enumerator(at: web, includingPropertiesForKeys: nil)).compactMap { $0 as? URL }.filter {
            $0.pathExtension == "swift"
        }
        #expect(files.count > 40)
        let registration = try Regex(#"\b(router|group)\.(on|get|post|put|patch|delete|head|group)\("#)
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            #expect(text.firstMatch(of: registration) == nil, "\(file.lastPathComponent) registers a handler outside RouteTable")
        }
    }

    static func isAsset(_ route: Route) -> Bool {
        if case .asset = route { return true }
        return false
    }
}
