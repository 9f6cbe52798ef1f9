import Foundation
import HummingbirdTesting
import PapersCore
import TestSupport
import Testing
import Web

#if canImport(FoundationXML)
import FoundationXML
#endif

/// Collects the element paths and texts of an XML document, failing on any parse error.
final class XMLOutline: NSObject, XMLParserDelegate {
    private(set) var elements: [String] = []
    private(set) var texts: [String: [String]] = [:]
    private var stack: [String] = []
    private var text = ""

    static func parse(_ xml: String) throws -> XMLOutline {
        let outline = XMLOutline()
        let parser = XMLParser(data: Data(xml.utf8))
        parser.delegate = outline
        guard parser.parse() else { throw parser.parserError ?? CocoaError(.coderReadCorrupt) }
        return outline
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:])
    {
        stack.append(name)
        elements.append(stack.joined(separator: "/"))
        text = ""
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        text += string
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        texts[stack.joined(separator: "/"), default: []].append(text)
        stack.removeLast()
        text = ""
    }

    func count(_ path: String) -> Int { elements.filter { $0 == path }.count }
}

@Suite struct FeedTests {
    @Test func atomFeedIsWellFormedWithStableIds() async throws {
        let site = try await TestSite(papers: WebFixtures.papers + EscapingTests.hostilePapers)
        try await site.run { client async throws in
            let response = try await client.get("/papers/feed.atom")
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "application/atom+xml; charset=utf-8")
            let outline = try XMLOutline.parse(response.text)
            #expect(outline.count("feed/entry") == 6, "every paper of the newest three feed days")
            let ids = try #require(outline.texts["feed/entry/id"])
            #expect(ids.contains("tag:dailypapers,2025:paper/2511.00003"))
            #expect(outline.texts["feed/entry/title"]?.contains(EscapingTests.payload) == true, "titles travel as escaped text")
            #expect(outline.texts["feed/updated"]?.first == "2025-11-10T00:00:00.000Z")
            let again = try XMLOutline.parse(try await client.get("/papers/feed.atom").text)
            #expect(again.texts["feed/entry/id"] == ids)
        }
    }

    @Test func theWeeklyFeedHoldsTheWeeksTopPapersWhenTheWeekHasMoreThanItShows() async throws {
        // 60 papers on Monday with few upvotes, then 5 on Wednesday with many: ordered by day first and cut at 50,
        // the feed would miss the week's most upvoted papers.
        let monday = (1...60).map { SamplePapers.paper(String(format: "2511.1%04d", $0), featured: "2025-11-03", upvotes: $0) }
        let wednesday = (1...5).map { SamplePapers.paper(String(format: "2511.2%04d", $0), featured: "2025-11-05", upvotes: 100 + $0) }
        let site = try await TestSite(papers: monday + wednesday)
        try await site.run { client async throws in
            let outline = try XMLOutline.parse(try await client.get("/papers/week/feed.rss").text)
            let links = outline.texts["rss/channel/item/link"] ?? []
            #expect(links.count == 50)
            let expected = wednesday.reversed().map(\.id) + monday.reversed().prefix(45).map(\.id)
            #expect(links.map { String($0.split(separator: "/").last ?? "") } == expected)
        }
    }

    @Test func rssFeedsForEveryList() async throws {
        let site = try await TestSite(papers: WebFixtures.papers)
        try await site.run { client async throws in
            for path in ["/papers/feed.rss", "/papers/week/feed.rss", "/papers/trending/feed.rss", "/nvidia/feed.rss"] {
                let response = try await client.get(path)
                #expect(response.status == .ok, "\(path)")
                #expect(response.headers[.contentType] == "application/rss+xml; charset=utf-8")
                let outline = try XMLOutline.parse(response.text)
                #expect(outline.count("rss/channel") == 1)
                #expect(outline.count("rss/channel/item") > 0, "\(path)")
                for date in outline.texts["rss/channel/item/pubDate"] ?? [] {
                    #expect(date.hasSuffix(" GMT") && date.count == 29, "\(date)")
                }
            }
            let organization = try XMLOutline.parse(try await client.get("/nvidia/feed.rss").text)
            #expect(organization.texts["rss/channel/item/title"] == ["Latest top"])
            #expect(try await client.get("/unknown-org/feed.atom").status == .notFound)
        }
    }

    @Test func validatorsAnswer304() async throws {
        let site = try await TestSite(papers: WebFixtures.papers)
        try await site.run { client async throws in
            let first = try await client.get("/papers/trending/feed.atom")
            let etag = try #require(first.headers[.eTag])
            let lastModified = try #require(first.headers[.lastModified])
            let byTag = try await client.execute(uri: "/papers/trending/feed.atom", method: .get, headers: [.ifNoneMatch: etag])
            #expect(byTag.status == .notModified)
            #expect(byTag.body.readableBytes == 0)
            #expect(byTag.headers[.eTag] == etag)
            let byDate = try await client.execute(uri: "/papers/trending/feed.atom", method: .get, headers: [.ifModifiedSince: lastModified])
            #expect(byDate.status == .notModified)
            let stale = try await client.execute(uri: "/papers/trending/feed.atom", method: .get, headers: [.ifNoneMatch: "\"other\""])
            #expect(stale.status == .ok)
            let older = try await client.execute(
                uri: "/papers/trending/feed.atom", method: .get, headers: [.ifModifiedSince: "Mon, 01 Jan 2024 00:00:00 GMT"])
            #expect(older.status == .ok)
        }
    }

    @Test func pagesLinkTheirFeeds() async throws {
        let site = try await TestSite(papers: WebFixtures.papers)
        try await site.run { client async throws in
            #expect(
                try await client.get("/").text.contains(
                    "<link rel=\"alternate\" type=\"application/atom+xml\" title=\"Daily papers (Atom)\" href=\"/papers/feed.atom\">"))
            #expect(try await client.get("/papers/trending").text.contains("href=\"/papers/trending/feed.rss\""))
            #expect(try await client.get("/nvidia").text.contains("href=\"/nvidia/feed.atom\""))
        }
    }
}
