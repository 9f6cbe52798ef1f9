import Arxiv
import Foundation
import PapersCore
import Testing

@Suite("arXiv announcement listings")
struct ListingParserTests {
    static func fixture() throws -> Data {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
        return try Data(contentsOf: folder.appendingPathComponent("rss-cs.CL+cs.LG.xml"))
    }

    @Test("the RSS listing: its announcement day, each item's type, id and version, categories, licence, DOI and journal")
    func rss() throws {
        let listing = try ListingParser.listing(from: try Self.fixture())
        #expect(listing.day?.description == "2026-12-01")
        #expect(listing.items.map(\.kind) == [.new, .new, .cross, .replace, .replaceCross])
        #expect(listing.items.map(\.id) == ["2612.00011", "2612.00012", "2612.00013", "2611.04321", "2610.00777"])
        #expect(listing.items.map(\.version) == [1, 1, 1, 3, 2])
        let first = listing.items[0]
        #expect(first.authors == ["Ada Lovelace", "Alan M. Turing (University of Manchester, UK)", "Grace Hopper"])
        #expect(first.abstract.hasPrefix("We route each query to a few retrieval experts (<5% of the index)"))
        #expect(first.categories == ["cs.CL", "cs.IR"])
        #expect(first.license == "http://creativecommons.org/licenses/by/4.0/")
        let replaced = listing.items[3]
        #expect(replaced.doi == "10.1234/judges.2026.17")
        #expect(replaced.journalRef == "Transactions on Machine Learning Research, 12 (2026)")
    }

    @Test("a new paper brings its announcement and publication day; a replacement only its version, never a new announcement")
    func updates() throws {
        let listing = try ListingParser.listing(from: try Self.fixture())
        let day = try #require(listing.day)
        let new = listing.items[0].update(listingDay: day)
        #expect(new.paper.announcement == Announcement(day: day, kind: .new))
        #expect(new.paper.publishedAt == Timestamp(day: day))
        #expect(!new.fields.contains(.featuredOn) && !new.fields.contains(.upvotes))
        let cross = listing.items[2].update(listingDay: day)
        #expect(cross.paper.announcement?.kind == .cross && cross.paper.primaryCategory == "eess.AS")
        let replace = listing.items[3].update(listingDay: day)
        #expect(replace.paper.announcement == nil && !replace.fields.contains(.announcement))
        #expect(replace.paper.versions?.count == 3)
        // Stored over an earlier announcement, a later cross-listing keeps the first one.
        let earlier = Paper(id: "2612.00013", title: "t", abstract: "a", announcement: Announcement(day: day.adding(days: -1), kind: .new))
        #expect(cross.applied(to: earlier).announcement == Announcement(day: day.adding(days: -1), kind: .new))
    }

    @Test("the Atom listing reads the same")
    func atom() throws {
        let document = """
            <?xml version='1.0' encoding='UTF-8'?>
            <feed xmlns="http://www.w3.org/2005/Atom" xmlns:arxiv="http://arxiv.org/schemas/atom" xmlns:dc="http://purl.org/dc/elements/1.1/">
            <id>http://rss.arxiv.org/atom/cs.CL</id><title>cs.CL updates on arXiv.org</title><updated>2026-12-01T05:00:11+00:00</updated>
            <entry><id>oai:arXiv.org:2612.00011v1</id><title>A Title</title><updated>2026-12-01T05:00:11+00:00</updated>
            <link href="https://arxiv.org/abs/2612.00011" rel="alternate" type="text/html"/>
            <summary>arXiv:2612.00011v1 Announce Type: new
            Abstract: Words.</summary><category term="cs.CL"/><category term="cs.AI"/>
            <published>2026-12-01T00:00:00-05:00</published><arxiv:announce_type>new</arxiv:announce_type>
            <dc:rights>http://creativecommons.org/licenses/by/4.0/</dc:rights><dc:creator>One Author, Two Author</dc:creator></entry></feed>
            """
        let listing = try ListingParser.listing(from: Data(document.utf8))
        #expect(listing.day?.description == "2026-12-01")
        #expect(listing.items.count == 1)
        #expect(listing.items.first?.abstract == "Words.")
        #expect(listing.items.first?.categories == ["cs.CL", "cs.AI"])
        #expect(listing.items.first?.authors == ["One Author", "Two Author"])
    }

    @Test("a listing cut off, or an HTML error page, is an error that says so")
    func truncated() throws {
        let whole = try Self.fixture()
        for cut in [whole.prefix(whole.count / 2), Data("<html><body>Service unavailable</body></html>".utf8)] {
            #expect(throws: ArxivError.self) { _ = try ListingParser.listing(from: Data(cut)) }
        }
    }
}
