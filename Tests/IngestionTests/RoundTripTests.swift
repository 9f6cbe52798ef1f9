import Foundation
import Ingestion
import PapersCore
import Storage
import TestSupport
import Testing

@Suite struct RoundTripTests {
    let now = Timestamp(day: Day(iso: "2026-09-01") ?? Day(daysSinceEpoch: 0))

    func export(_ store: SQLPaperStore) async throws -> Data {
        var output = Data()
        _ = try await Exporter(store: store).run(pageSize: 500) { output.append($0) }
        return output
    }

    /// Imports `files`, exports, imports the export into a new database, exports again: both exports must match byte for byte.
    func roundTrip(_ files: [String]) async throws -> (first: Data, importedCount: Int) {
        let source = try await TemporaryDatabase()
        let summary = try await Importer(store: source.store).run(files: files, now: now)
        #expect(summary.rejections.isEmpty, "\(summary.rejections.prefix(3))")
        let first = try await export(source.store)
        let exportFile = try temporaryFile(first, name: "export.jsonl")
        let target = try await TemporaryDatabase()
        let second = try await Importer(store: target.store).run(files: [exportFile], now: now)
        #expect(second.formats[exportFile] == .dailypapers)
        #expect(second.counts.inserted == summary.counts.inserted)
        #expect(try await export(target.store) == first)
        let again = try await Importer(store: target.store).run(files: [exportFile], now: now)
        #expect(again.counts == ApplyCounts(unchanged: second.counts.inserted))
        return (first, summary.counts.inserted)
    }

    @Test func bundledSampleRoundTripsLosslessly() async throws {
        let result = try await roundTrip([SharedData.bundledSample])
        #expect(result.importedCount == 106)
    }

    @Test func sharedData_everyFormatRoundTripsLosslessly() async throws {
        let files = [
            SharedData.path("hf-daily-papers.jsonl"),
            SharedData.path("arxiv-sample.jsonl"),
            SharedData.path("fixtures/hf-api/daily_papers-2024-10-16.json"),
            SharedData.path("fixtures/hf-api/daily_papers-2026-08-21.json"),
        ]
        let result = try await roundTrip(files)
        // 9,877 Daily Papers + 200 arXiv records; the API fixtures' papers are also in the daily file.
        #expect(result.importedCount == 10_077)
        let counts = try await Importer(store: try await TemporaryDatabase().store).run(files: files, now: now).counts
        #expect(counts.updated + counts.unchanged == 34, "the 34 papers of the two API fixtures merge into the daily file's")
    }

    @Test func sharedData_hfDailyFileImportsEveryRecordAndIsIdempotent() async throws {
        let temporary = try await TemporaryDatabase()
        let importer = Importer(store: temporary.store)
        let file = SharedData.path("hf-daily-papers.jsonl")
        let first = try await importer.run(files: [file], now: now)
        #expect(first.line == "9877 new, 0 updated, 0 unchanged, 0 rejected")
        let second = try await importer.run(files: [file], now: now)
        #expect(second.line == "0 new, 0 updated, 9877 unchanged, 0 rejected")
        #expect(try await temporary.store.featuredDays().count == 580)
    }

    @Test func bundledSampleCodeLinksMatchThePage() async throws {
        let temporary = try await TemporaryDatabase()
        _ = try await Importer(store: temporary.store).run(files: [SharedData.bundledSample], now: now)
        let lines = try String(contentsOfFile: SharedData.bundledSample, encoding: .utf8).split(separator: "\n")
        for line in lines {
            let record = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] ?? [:]
            let title = (record["title"] as? String ?? "").collapsingWhitespace()
            let id = (record["arxivId"] as? String) ?? PaperIdentity.derivedId(forTitle: title)
            let paper = try #require(try await temporary.store.paper(id: id))
            // The page lists every link of an abstract; code links are the GitHub and GitLab ones among them.
            let codeHosts = ["https://github.com/", "https://gitlab.com/"]
            let expected = (record["codeUrls"] as? [String] ?? []).filter { url in codeHosts.contains { url.hasPrefix($0) } }
            #expect(CodeLinks.links(for: paper) == expected, "\(title)")
        }
    }
}
