import Foundation
import HummingbirdTesting
import TestSupport
import Testing
import Web

/// Golden files of every page kind (and the feeds), so that a change of markup shows in review as a diff of
/// `Tests/WebTests/Snapshots`. After an intended change, write them anew with `SNAPSHOT_RECORD=1 swift test --filter
/// PageSnapshotTests` and read the diff. CSRF tokens, the only random part of a page, are masked.
@Suite struct PageSnapshotTests {
    static let pages: [(name: String, path: String, status: Int)] = [
        ("home", "/", 200), ("day", "/papers/date/2025-10-30", 200), ("week", "/papers/week/2025-W45", 200),
        ("month", "/papers/month/2025-11", 200), ("trending", "/papers/trending", 200), ("paper", "/papers/2511.00001", 200),
        ("old-style-paper", "/papers/quant-ph/0210005", 200), ("organization", "/nvidia", 200), ("search", "/papers/search?q=latest", 200),
        ("member", "/users/ann", 200), ("submitter", "/users/akhaliq", 200), ("author", "/authors/Ada%20Lovelace", 200), ("login", "/login", 200),
        ("signup", "/signup", 200), ("api", "/api", 200),
        ("not-found", "/papers/2599.99999", 404), ("feed-atom", "/papers/feed.atom", 200), ("feed-rss", "/papers/week/feed.rss", 200),
    ]

    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")

    @Test func everyPageKindMatchesItsGoldenFile() async throws {
        let site = try await CommunitySite()
        try await site.member("ann")
        let record = ProcessInfo.processInfo.environment["SNAPSHOT_RECORD"] == "1"
        try await site.run { client in
            for page in Self.pages {
                let response = try await client.get(page.path)
                #expect(Int(response.status.code) == page.status, "\(page.path)")
                let text = Self.masked(response.text)
                let file = Self.folder.appendingPathComponent(page.name + (page.name.hasPrefix("feed") ? ".xml" : ".html"))
                if record {
                    try text.write(to: file, atomically: true, encoding: .utf8)
                    continue
                }
                let golden = try? String(contentsOf: file, encoding: .utf8)
                #expect(golden != nil, "no snapshot \(file.lastPathComponent): record it with SNAPSHOT_RECORD=1")
                if let golden, golden != text {
                    Issue.record(
                        "\(page.path) differs from \(file.lastPathComponent) at line \(Self.firstDifference(golden, text)); if intended, record again with SNAPSHOT_RECORD=1"
                    )
                }
            }
        }
    }

    /// The page with every CSRF token replaced by a fixed mark.
    static func masked(_ text: String) -> String {
        text.replacingOccurrences(of: #"name="csrf" value="[^"]*""#, with: #"name="csrf" value="(csrf)""#, options: .regularExpression)
    }

    static func firstDifference(_ a: String, _ b: String) -> Int {
        let left = a.split(separator: "\n", omittingEmptySubsequences: false), right = b.split(separator: "\n", omittingEmptySubsequences: false)
        return (zip(left, right).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(left.count, right.count)) + 1
    }
}
