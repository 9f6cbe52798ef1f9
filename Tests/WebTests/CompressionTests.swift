import HTTPTypes
import NIOCore
import TestSupport
import Testing

@testable import Web

@Suite struct CompressionTests {
    @Test(arguments: [
        ("gzip", true), ("gzip, deflate, br", true), ("br;q=1.0, gzip;q=0.8", true), ("*", true), ("GZIP", true),
        ("gzip;q=0", false), ("gzip; q=0.0", false), ("deflate, br", false), ("identity", false), ("", false),
        // An explicit gzip weight wins over the wildcard's, in either order (RFC 9110).
        ("*;q=1, gzip;q=0", false), ("gzip;q=0, *;q=1", false), ("*;q=0, gzip;q=0.5", true), ("br;q=1, *;q=0.1", true),
    ])
    func acceptEncodingIsRead(value: String, accepted: Bool) {
        #expect(Gzip.isAccepted(value) == accepted, "\(value)")
    }

    @Test func compressionShrinksTextAndMarksItsType() throws {
        let text = String(repeating: "<li class=\"card\">A paper about sparse attention</li>\n", count: 400)
        let packed = try #require(Gzip.compress(ByteBuffer(string: text)))
        #expect(packed.readableBytes * 20 < text.utf8.count)
        #expect(Array(packed.readableBytesView.prefix(2)) == [0x1f, 0x8b], "the gzip magic number")
        #expect(Gzip.isCompressible("text/html; charset=utf-8") && Gzip.isCompressible("application/atom+xml"))
        #expect(!Gzip.isCompressible("image/png") && !Gzip.isCompressible(nil))
    }

    @Test("pages on the normal path leave gzip-compressed to a client that asks, with Vary; small and plain requests do not")
    func normalPathCompresses() async throws {
        let site = try await TestSite(papers: WebFixtures.papers)
        try await site.run { client in
            let packed = try await client.execute(uri: "/papers/date/2025-11-03", method: .get, headers: [.acceptEncoding: "gzip"])
            let plain = try await client.execute(uri: "/papers/date/2025-11-03", method: .get)
            #expect(packed.headers[.contentEncoding] == "gzip" && packed.headers[.vary] == "Accept-Encoding")
            #expect(packed.body.readableBytes * 2 < plain.body.readableBytes)
            #expect(plain.headers[.contentEncoding] == nil && plain.headers[.vary] == "Accept-Encoding")
            let health = try await client.execute(uri: "/healthz", method: .get, headers: [.acceptEncoding: "gzip"])
            #expect(health.headers[.contentEncoding] == nil, "a tiny answer is not worth compressing")
        }
    }
}
