import Foundation
import Ingestion
import PapersCore
import TestSupport
import Testing

/// Records crafted to attack the pages through an import: the lossless `dailypapers` format is checked as strictly
/// as the others, so a link that is not http(s), a handle that is a path, or an id with `..` never gets in.
@Suite struct HostileRecordTests {
    let now = Timestamp(day: Day(iso: "2025-11-05") ?? Day(daysSinceEpoch: 0))

    /// A `dailypapers` line of a good paper with `changes` applied to its JSON.
    func ownLine(_ changes: [String: Any]) throws -> String {
        let paper = Paper(id: "2501.00010", arxivId: "2501.00010", title: "Good", abstract: "A", featuredOn: Day(iso: "2025-01-10"))
        var object = try #require(try JSONSerialization.jsonObject(with: JSONEncoder().encode(paper)) as? [String: Any])
        object["schema"] = "dailypapers.paper/1"
        for (key, value) in changes { object[key] = value }
        return String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self)
    }

    func rejection(_ line: String) async throws -> String? {
        let temporary = try await TemporaryDatabase()
        let file = try temporaryFile(Data((line + "\n").utf8), name: "hostile.jsonl")
        let summary = try await Importer(store: temporary.store).run(files: [file], now: now)
        #expect(try await temporary.store.count() == (summary.rejections.isEmpty ? 1 : 0))
        return summary.rejections.first?.error.description
    }

    @Test(arguments: [
        (#"{"projectPage": "javascript:alert(1)"}"#, "field 'projectPage': is not an http(s) URL"),
        (#"{"githubRepo": "JavaScript:alert(document.cookie)"}"#, "field 'githubRepo': is not an http(s) URL"),
        (#"{"githubRepo": "//evil.example/x"}"#, "field 'githubRepo': is not an http(s) URL"),
        (#"{"mediaUrls": ["data:text/html,<script>alert(1)</script>"]}"#, "field 'mediaUrls': is not an http(s) URL"),
        (#"{"organization": {"name": "//evil.example", "fullname": "Evil"}}"#, "field 'organization.name': is not an organization handle"),
        (#"{"arxivId": "../../../x"}"#, "field 'arxivId': is not the arXiv id of the paper 2501.00010"),
        (#"{"id": "../../../x", "arxivId": null}"#, "field 'id': is not a paper id"),
    ])
    func ownFormatRefusesWhatWouldBecomeALinkOrAPath(changes: String, message: String) async throws {
        let fields = try #require(try JSONSerialization.jsonObject(with: Data(changes.utf8)) as? [String: Any])
        let refused = try await rejection(try ownLine(fields))
        #expect(refused?.hasPrefix(message) == true, "\(refused ?? "accepted")")
    }

    @Test func ownFormatKeepsGoodLinksAndDropsControlCharacters() async throws {
        let line = try ownLine([
            "projectPage": "https://example.org/p", "title": "A\u{1}B\u{0}C", "organization": ["name": "nvidia", "fullname": "NV\u{7}IDIA"],
        ])
        #expect(try await rejection(line) == nil)
        let temporary = try await TemporaryDatabase()
        _ = try await Importer(store: temporary.store).run(files: [try temporaryFile(Data((line + "\n").utf8), name: "good.jsonl")], now: now)
        let stored = try #require(try await temporary.store.paper(id: "2501.00010"))
        #expect(stored.title == "ABC" && stored.organization?.fullname == "NVIDIA" && stored.projectPage == "https://example.org/p")
    }

    @Test(arguments: ["../1234567", "..x/1234567", "-a/1234567", "2501.00010/../x"])
    func hfFormatsRefuseIdsThatArePaths(_ id: String) async throws {
        let line = #"{"paper": {"id": "\#(id)", "title": "T", "summary": "S", "submittedOnDailyAt": "2025-01-10T00:00:00.000Z"}}"#
        let refused = try await rejection(line)
        #expect(refused?.contains("is not an arXiv id") == true, "\(refused ?? "accepted")")
    }

    @Test func hfSubmitterMustBeAUsername() async throws {
        let line =
            #"{"paper": {"id": "2501.00011", "title": "T", "summary": "S", "submittedOnDailyAt": "2025-01-10T00:00:00.000Z", "submittedOnDailyBy": {"user": "../admin"}}}"#
        #expect(try await rejection(line)?.hasPrefix("field 'submittedBy': is not a username") == true)
    }
}
