import Foundation
import Ingestion
import PapersCore
import Storage
import TestSupport
import Testing

@Suite struct MalformedInputTests {
    let now = Timestamp(day: Day(iso: "2025-11-05") ?? Day(daysSinceEpoch: 0))
    static let good = #"{"arxivId": "2501.00010", "title": "Good", "dailyDate": "2025-01-10"}"#

    func rejections(for contents: Data) async throws -> (ImportSummary, Int) {
        let temporary = try await TemporaryDatabase()
        let file = try temporaryFile(contents, name: "bad.jsonl")
        let summary = try await Importer(store: temporary.store).run(files: [file], now: now)
        return (summary, try await temporary.store.count())
    }

    func rejection(_ line: String) async throws -> String {
        let (summary, count) = try await rejections(for: Data((Self.good + "\n" + line + "\n").utf8))
        #expect(count == 1, "the good record is still imported")
        let rejection = try #require(summary.rejections.first)
        #expect(summary.rejections.count == 1)
        #expect(rejection.location.hasSuffix("bad.jsonl:line 2"))
        return rejection.error.description
    }

    @Test func truncatedJSON() async throws {
        #expect(try await rejection(#"{"arxivId": "2501.00011", "title": "Cut"#) == "is not complete, valid JSON (truncated or malformed)")
    }

    @Test func wrongTypes() async throws {
        #expect(
            try await rejection(#"{"arxivId": "2501.00011", "title": "T", "dailyDate": "2025-01-10", "upvotes": "12"}"#)
                == "field 'upvotes': expected an integer, found another type")
        #expect(
            try await rejection(#"{"arxivId": "2501.00011", "title": "T", "dailyDate": "2025-01-10", "authors": "A, B"}"#).hasPrefix(
                "field 'authors': expected"))
        #expect(
            try await rejection(#"{"arxivId": "2501.00011", "title": "T", "dailyDate": "2025-01-10", "upvotes": -3}"#)
                == "field 'upvotes': is negative (-3)")
    }

    @Test func missingOrEmptyTitle() async throws {
        #expect(try await rejection(#"{"arxivId": "2501.00011", "dailyDate": "2025-01-10"}"#) == "field 'title': is missing")
        #expect(try await rejection(#"{"arxivId": "2501.00011", "title": "   ", "dailyDate": "2025-01-10"}"#) == "field 'title': is empty")
    }

    @Test func badIdsDatesAndUrls() async throws {
        #expect(
            try await rejection(#"{"arxivId": "12345", "title": "T", "dailyDate": "2025-01-10"}"#) == "field 'arxivId': is not an arXiv id: 12345")
        #expect(
            try await rejection(#"{"arxivId": "2501.00011", "title": "T", "dailyDate": "2025-02-30"}"#)
                == "field 'dailyDate': is not a YYYY-MM-DD date: 2025-02-30")
        #expect(
            try await rejection(#"{"arxivId": "2501.00011", "title": "T", "dailyDate": "2025-01-10", "githubRepo": "javascript:alert(1)"}"#)
                == "field 'githubRepo': is not an http(s) URL: javascript:alert(1)")
    }

    @Test func duplicateIdsKeepTheFirst() async throws {
        let message = try await rejection(#"{"arxivId": "2501.00010v2", "title": "Again", "dailyDate": "2025-01-10"}"#)
        #expect(message.hasPrefix("field 'id': duplicate id 2501.00010, first seen at "))
        #expect(message.hasSuffix("bad.jsonl:line 1"))
    }

    @Test func hugeFields() async throws {
        let huge = String(repeating: "a", count: 200_000)
        #expect(
            try await rejection(#"{"arxivId": "2501.00011", "title": "T", "dailyDate": "2025-01-10", "abstract": "\#(huge)"}"#)
                == "field 'abstract': is 200000 bytes long, the limit is 100000")
    }

    @Test func invalidUTF8() async throws {
        var bytes = Data((Self.good + "\n").utf8)
        bytes.append(contentsOf: [0x7B, 0x22, 0x74, 0x22, 0x3A, 0x22, 0xFF, 0xFE, 0x22, 0x7D, 0x0A])
        let (summary, count) = try await rejections(for: bytes)
        #expect(count == 1)
        #expect(summary.rejections.map(\.error.description) == ["is not valid UTF-8"])
    }

    @Test func unknownLayoutsAskForAFormat() async throws {
        let (summary, count) = try await rejections(for: Data(#"{"name": "not a paper"}"#.utf8))
        #expect(count == 0)
        #expect(summary.rejections.first?.error.description.contains("matches no known format") == true)
    }

    @Test func strictModeWritesNothingWhenAnyRecordIsBad() async throws {
        let temporary = try await TemporaryDatabase()
        let file = try temporaryFile(Self.good + "\n" + #"{"arxivId": "2501.00011", "dailyDate": "2025-01-10"}"#)
        await #expect(throws: ImportError.strictRejected(count: 1)) {
            try await Importer(store: temporary.store, options: .init(strict: true)).run(files: [file], now: now)
        }
        #expect(try await temporary.store.count() == 0)
    }

    @Test func aMissingFileIsReportedByName() async throws {
        let temporary = try await TemporaryDatabase()
        await #expect(throws: ImportError.unreadable(file: "/no/such/file.jsonl")) {
            try await Importer(store: temporary.store).run(files: ["/no/such/file.jsonl"], now: now)
        }
    }
}
