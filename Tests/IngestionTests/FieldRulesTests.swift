import Foundation
import Ingestion
import PapersCore
import Storage
import TestSupport
import Testing

/// Every field of every format passes the same rules (#34): oversized fields, negative counts and days far ahead
/// refuse their line by the field's name, and control characters (a NUL would abort a PostgreSQL batch) are dropped,
/// on both engines, while the file's good lines are imported.
@Suite struct FieldRulesTests {
    let now = Timestamp(day: Day(iso: "2025-11-05") ?? Day(daysSinceEpoch: 0))

    /// A `dailypapers` line of a good paper numbered `number`, with `changes` applied to its JSON.
    func ownLine(_ number: Int, _ changes: [String: Any] = [:]) throws -> String {
        let id = String(format: "2501.%05d", number)
        let paper = Paper(id: id, arxivId: id, title: "Paper \(number)", abstract: "A", featuredOn: Day(iso: "2025-01-10"))
        var object = try #require(try JSONSerialization.jsonObject(with: JSONEncoder().encode(paper)) as? [String: Any])
        object["schema"] = "dailypapers.paper/1"
        for (key, value) in changes { object[key] = value }
        return String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self)
    }

    @Test(
        arguments: [
            (["aiSummary": String(repeating: "x", count: 10_000_000)], "field 'aiSummary': is 10000000 bytes long"),
            (["journalRef": String(repeating: "j", count: 20_000)], "field 'journalRef': is 20000 bytes long"),
            (["upvotes": -5], "field 'upvotes': is negative (-5)"),
            (["numComments": -1], "field 'numComments': is negative (-1)"),
            (["githubStars": 5_000_000_000], "field 'githubStars': is 5000000000, more than"),
            (["featuredOn": "9999-12-31"], "field 'featuredOn': is 9999-12-31, outside 1991-08-14 to 2025-11-06"),
            (["featuredOn": "1970-01-01"], "field 'featuredOn': is 1970-01-01, outside"),
            (["publishedAt": "2999-01-01T00:00:00Z"], "field 'publishedAt': is 2999-01-01, outside"),
            (["categories": [String(repeating: "c", count: 300)]], "field 'categories': holds an item of 300 bytes"),
        ] as [([String: any Sendable], String)])
    func aBadFieldRefusesItsLineByNameOnly(changes: [String: any Sendable], message: String) async throws {
        let temporary = try await TemporaryDatabase()
        let lines = [try ownLine(1), try ownLine(2, changes), try ownLine(3)].joined(separator: "\n") + "\n"
        let summary = try await Importer(store: temporary.store).run(files: [try temporaryFile(Data(lines.utf8), name: "mixed.jsonl")], now: now)
        #expect(summary.rejections.count == 1)
        #expect(summary.rejections.first?.location.hasSuffix("line 2") == true)
        #expect(summary.rejections.first?.error.description.hasPrefix(message) == true, "\(summary.rejections.first?.description ?? "accepted")")
        #expect(try await temporary.store.count() == 2, "the good lines are imported")
    }

    @Test(arguments: TestEngine.allCases) func controlCharactersAreDroppedFromEveryTextField(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database async throws in
            let store = SQLPaperStore(database: database)
            let nul = "\u{0}"
            let fields: [String: Any] = [
                "journalRef": "J.\(nul) Phys", "doi": "10.1000/\(nul)x", "arxivComments": "12 pages\(nul)", "license": "cc-by\(nul)",
                "categories": ["cs.CL\(nul)", "\u{1}cs.AI"], "aiKeywords": ["k\(nul)"], "submittedBy": "ak\(nul)",
            ]
            let lines = [try ownLine(1), try ownLine(2, fields)].joined(separator: "\n") + "\n"
            let summary = try await Importer(store: store).run(files: [try temporaryFile(Data(lines.utf8), name: "nul.jsonl")], now: now)
            #expect(summary.rejections.isEmpty, "\(summary.rejections)")
            #expect(try await store.count() == 2)
            let stored = try #require(try await store.paper(id: "2501.00002"))
            #expect(stored.journalRef == "J. Phys" && stored.doi == "10.1000/x" && stored.arxivComments == "12 pages" && stored.license == "cc-by")
            #expect(stored.categories == ["cs.CL", "cs.AI"] && stored.aiKeywords == ["k"] && stored.submittedBy == "ak")
        }
    }
}
