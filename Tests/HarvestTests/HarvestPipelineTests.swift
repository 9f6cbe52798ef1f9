import Arxiv
import Foundation
import Harvest
import PapersCore
import Storage
import TestSupport
import Testing

/// The harvest from request to stored paper, in Swift, against recorded pages served over HTTP: arXiv's listing and
/// its OAI-PMH records, on the site's clock, with a second run that finds nothing new.
@Suite struct HarvestPipelineTests {
    static let now = Timestamp(iso: "2026-12-02T01:10:00.000Z") ?? Timestamp(millisecondsSinceEpoch: 0)
    static let listing = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../ArxivTests/Fixtures/rss-cs.CL+cs.LG.xml").standardized

    /// One attempt, as fast as the stand-in answers; the timeout is the server's own default, because the suite's
    /// parallel encoder tests can keep a local answer waiting for more than a few seconds on two cores.
    static func settings(_ base: URL, categories: [String], backfillFrom: Day? = nil) -> HarvestSettings {
        HarvestSettings(
            categories: categories, oaiURL: base.appendingPathComponent("oai"), listingURL: base, backfillFrom: backfillFrom,
            contact: "tests@example.org", featureMode: .manual, arxivInterval: .zero, hubURL: base, hubFrom: nil, maxAttempts: 1,
            initialBackoff: .zero, timeout: .seconds(30)
        )
    }

    @Test func theListingIsStoredWithItsAnnouncementOnTheSitesClock() async throws {
        let recording = try String(contentsOf: Self.listing, encoding: .utf8)
        let expected = try ListingParser.listing(from: Data(recording.utf8))
        let site = RecordedSite { path, _ in path == "/rss/cs.CL+cs.LG" ? recording : nil }
        try await TemporaryDatabase.with { temporary in
            try await site.serve { base in
                let runner = HarvestRunner(
                    settings: Self.settings(base, categories: ["cs.CL", "cs.LG"]), database: temporary.database, clock: { Self.now })
                let first = try #require(try await runner.arxiv(.listing)?[.arxivListing])
                #expect(first.added == expected.items.count && first.added > 3 && first.requests == 1)
                let day = try #require(expected.day)
                #expect(try await temporary.store.listings.latestAnnouncementDay(categories: []) == day)
                let announced = try await temporary.store.listings.countAnnouncedPapers(ListingQuery(day: day))
                #expect(announced > 0 && announced <= expected.items.count, "new and cross-listed papers are announced on \(day)")
                let state = try await SQLIngestStore(database: temporary.database).state(of: .arxivListing)
                #expect(state.checkpoint == day.description)
                #expect(state.lastRunAt == Self.now, "runs are recorded on the site's clock, not the wall clock")
                let again = try #require(try await runner.arxiv(.listing)?[.arxivListing])
                #expect(again.added == 0 && again.updated == 0, "the same listing changes nothing")
            }
        }
        #expect(site.requests.allSatisfy { $0.userAgent.contains("mailto:tests@example.org") }, "the User-Agent names the contact")
    }

    @Test func sharedData_recordsAreStoredPageByPageToTheEndOfTheList() async throws {
        let recording = try String(contentsOfFile: SharedData.path("fixtures/arxiv-oai/arXivRaw-ListRecords-from-2014-10-01.xml"), encoding: .utf8)
        let firstPage = try OAIPMHParser.page(from: Data(recording.utf8))
        let token = try #require(firstPage.resumptionToken)
        // The last page: the same records again, and an empty token, which ends the list.
        let lastPage = recording.replacingOccurrences(of: ">\(token)</resumptionToken>", with: "></resumptionToken>")
        let site = RecordedSite { path, query in
            guard path == "/oai", query["verb"] == "ListRecords" else { return nil }
            return query["resumptionToken"] == token ? lastPage : recording
        }
        let categories = [try #require(firstPage.records.first?.categories.first)]
        try await TemporaryDatabase.with { temporary in
            try await site.serve { base in
                let settings = Self.settings(base, categories: categories, backfillFrom: Day(iso: "2014-10-01"))
                let wanted = firstPage.records.filter { settings.wants($0.categories) && !$0.title.isEmpty }
                #expect(!wanted.isEmpty && settings.oaiSets.count == 1)
                let runner = HarvestRunner(settings: settings, database: temporary.database, clock: { Self.now })
                let done = try #require(try await runner.arxiv(.records)?[.arxivOAI])
                #expect(done.added == wanted.count && done.requests == 2, "two pages: the list's first and its last")
                let stored = try await temporary.store.sourcePapers(ids: wanted.map(\.id))
                for record in wanted {
                    let paper = try #require(stored[record.id], "\(record.id) is stored")
                    #expect(paper.categories == record.categories && paper.versions?.count == max(record.versionDates.count, 1))
                }
                let state = try await SQLIngestStore(database: temporary.database).state(of: .arxivOAI)
                #expect(state.resumptionToken == nil, "the list was read to its end")
                let again = try #require(try await runner.arxiv(.records)?[.arxivOAI])
                #expect(again.added == 0 && again.updated == 0, "a second run finds nothing new")
            }
        }
        #expect(
            site.requests.first?.target.contains("from=2014-10-01") == true && site.requests.first?.target.contains("metadataPrefix=arXivRaw") == true
        )
    }
}
