import Foundation
import HummingbirdTesting
import PapersCore
import Storage
import TestSupport
import Testing

@testable import Web

@Suite("arXiv's announcements on the site: /papers/new, categories, cat: in search")
struct ListingPageTests {
    static let tuesday = Day(iso: "2026-12-01")!
    static let monday = Day(iso: "2026-11-30")!

    static let papers: [Paper] = [
        Paper(
            id: "2612.00011", arxivId: "2612.00011", title: "Sparse retrieval experts", abstract: "Routing queries to experts.",
            authors: ["Ada Lovelace"],
            upvotes: 3, categories: ["cs.CL", "cs.IR"], announcement: Announcement(day: tuesday, kind: .new)),
        Paper(
            id: "2612.00013", arxivId: "2612.00013", title: "Speech tokenisers compared", abstract: "Eleven tokenisers, forty languages.",
            authors: ["Claude Shannon"],
            categories: ["eess.AS", "cs.CL"], announcement: Announcement(day: tuesday, kind: .cross)),
        Paper(
            id: "2611.09999", arxivId: "2611.09999", title: "Gradient noise scales", abstract: "Noise during training.", authors: ["Emmy Noether"],
            featuredOn: monday, categories: ["cs.LG"], announcement: Announcement(day: monday, kind: .new),
            versions: ArxivVersions(count: 2, latestAt: Timestamp(day: tuesday), withdrawn: true)
        ).licensed("http://creativecommons.org/licenses/by/4.0/"),
    ]

    @Test("the newest announcement, filtered by category and type, with cards that offer 'Submit to daily'")
    func newPapers() async throws {
        let site = try await TestSite(papers: Self.papers)
        try await site.run { client async throws in
            let page = try await client.get("/papers/new")
            #expect(page.status == .ok)
            let html = page.text
            #expect(html.contains("<h1>New on arXiv · Tuesday, December 1, 2026</h1>"))
            #expect(
                html.contains("Sparse retrieval experts") && html.contains("Speech tokenisers compared") && !html.contains("Gradient noise scales"))
            #expect(html.contains("2 new and cross-listed papers"))
            #expect(html.contains("href=\"/papers/submit?id=2612.00011\">Submit to daily</a>"))
            #expect(html.contains("<a rel=\"prev\" href=\"/papers/new?date=2026-11-30\">"))
            #expect(html.contains("<a href=\"/papers/category/cs.CL\">cs.CL</a> · <a href=\"/papers/category/cs.IR\">cs.IR</a>"), "the category line")
            let cross = try await client.get("/papers/new?type=cross").text
            #expect(cross.contains("Speech tokenisers compared") && !cross.contains("Sparse retrieval experts"))
            let learning = try await client.get("/papers/new?category=cs.LG").text
            #expect(learning.contains("Monday, November 30, 2026") && learning.contains("Gradient noise scales"))
            #expect(!learning.contains("Submit to daily"), "a featured paper is not offered again")
            #expect(try await client.get("/papers/new?category=cs.CL%3B").status == .badRequest)
            #expect(try await client.get("/papers/new?type=replace").status == .badRequest)
            #expect(try await client.get("/papers/new?date=2030-01-01").status == .notFound)
            let feed = try await client.get("/papers/new/feed.atom?category=cs.CL")
            #expect(feed.status == .ok && feed.text.contains("Sparse retrieval experts") && !feed.text.contains("Gradient noise"))
        }
    }

    @Test("the feed of /papers/new builds its links from its filter, so a query string cannot poison the cached feed")
    func theNewPapersFeedCannotBePoisoned() async throws {
        let site = try await TestSite(papers: Self.papers)
        try await site.run(environment: ["ARXIV_CATEGORIES": "cs.CL,cs.LG"]) { client in
            let hostile = "/papers/new/feed.rss?category=cs.CL&x=%22%3E%3Cscript%3Ealert(1)%3C/script%3E&utm=evil.example"
            let poisoned = try await client.get(hostile)
            #expect(poisoned.status == .ok)
            let plain = try await client.get("/papers/new/feed.rss?category=cs.CL")
            #expect(plain.text == poisoned.text, "the junk shares the filter's entry and body")
            for text in [poisoned.text, plain.text] {
                #expect(!text.contains("alert(1)") && !text.contains("evil.example") && !text.contains("utm="))
                #expect(text.contains("/papers/new/feed.rss?category=cs.CL") && text.contains("/papers/new?category=cs.CL"))
            }
        }
    }

    @Test("category pages and feeds; the paper page names its categories, announcement and versions")
    func categories() async throws {
        let site = try await TestSite(papers: Self.papers)
        try await site.run { client async throws in
            let html = try await client.get("/papers/category/cs.CL").text
            #expect(html.contains("<h1>cs.CL</h1>") && html.contains("2 papers in arXiv's cs.CL"))
            #expect(html.contains("Speech tokenisers compared"), "cross-listed papers are in the category too")
            #expect(try await client.get("/papers/category/math.AG").text.contains("No paper in math.AG yet."))
            #expect(try await client.get("/papers/category/CS!").status == .badRequest)
            #expect(try await client.get("/papers/category/cs.CL/feed.rss").text.contains("<title>Sparse retrieval experts</title>"))
            let paper = try await client.get("/papers/2611.09999").text
            #expect(paper.contains("href=\"/papers/category/cs.LG\""))
            #expect(paper.contains("Nov 30, 2026 (new)"))
            #expect(paper.contains("v2, latest Dec 1, 2026 — withdrawn by its authors"))
            #expect(paper.contains("<a href=\"http://creativecommons.org/licenses/by/4.0/\">CC BY 4.0</a>"))
        }
    }

    @Test("cat: narrows a search to a category; the operators' page is for moderators")
    func searchAndStatus() async throws {
        let site = try await TestSite(papers: Self.papers)
        try await site.run { client async throws in
            // Words are highlighted in results: the link to the paper is what is looked for.
            let narrowed = try await client.get("/papers/search?q=noise+cat%3Acs.LG").text
            #expect(narrowed.contains("href=\"/papers/2611.09999\"") && narrowed.contains("1 result"))
            let elsewhere = try await client.get("/papers/search?q=noise+cat%3Acs.CL").text
            #expect(!elsewhere.contains("href=\"/papers/2611.09999\""))
            #expect(try await client.get("/papers/search?q=experts+cat%3Acs.cl").text.contains("href=\"/papers/2612.00011\""), "any letter case")
            #expect(try await client.get("/moderation/ingest").status != .ok, "visitors do not see the operators' page")
        }
    }

    @Test("a moderator's page of sources shows each one's last run, what it did, its checkpoint and its error")
    func sourcesForModerators() async throws {
        let community = try await CommunitySite(papers: Self.papers)
        try await community.member("mod", role: .moderator)
        let ingest = SQLIngestStore(database: community.site.temporary.database)
        let started = try #require(Timestamp(iso: "2026-12-01T01:00:00Z"))
        try await ingest.start(.arxivListing, at: started)
        try await ingest.save(.arxivListing, checkpoint: "2026-12-01", resumptionToken: nil)
        try await ingest.finish(
            .arxivListing, counts: RunCounts(added: 41, updated: 2, skipped: 0, requests: 3), error: "arXiv answered 503 <twice>",
            nextRunAt: nil, at: started
        )
        try await community.run { client async throws in
            let mod = Browser(client)
            try await mod.logIn("mod", password: "password-mod")
            let page = try await mod.get("/moderation/ingest")
            #expect(page.status == .ok)
            let html = page.text
            #expect(html.contains("arXiv announcements (RSS)") && html.contains("<dt>Checkpoint</dt><dd>2026-12-01</dd>"))
            #expect(html.contains("41 added"), "the counts of the last run")
            #expect(html.contains("arXiv answered 503 &lt;twice&gt;") && html.contains("failed"), "the error, escaped")
            #expect(html.contains("Hugging Face daily papers") && html.contains("never run"))
        }
    }

    @Test("on a day without an announcement the front page and /papers/new say so, and the next day they do not")
    func quietDays() async throws {
        let site = try await TestSite(papers: Self.papers)
        let saturday = try #require(Timestamp(iso: "2026-12-05T15:00:00Z"))
        try await site.run(now: saturday) { client async throws in
            let home = try await client.get("/").text
            #expect(home.contains("arXiv makes no announcement on Saturdays; the next one is Sunday 20:00 ET. These are the papers of Nov 30, 2026."))
            #expect(try await client.get("/papers/new").text.contains("arXiv makes no announcement on Saturdays"))
        }
        let monday = try #require(Timestamp(iso: "2026-12-07T15:00:00Z"))
        try await site.run(now: monday) { client async throws in
            #expect(!(try await client.get("/").text.contains("no announcement")), "the cached Saturday page is not served on Monday")
        }
    }

    @Test("a large announcement is paged 50 at a time")
    func paging() async throws {
        let many = (0..<60).map { n in
            Paper(
                id: "2612.\(String(format: "%05d", 100 + n))", title: "Listed paper \(n)", abstract: "Text.", upvotes: 60 - n,
                categories: ["cs.LG"], announcement: Announcement(day: Self.tuesday, kind: .new))
        }
        let site = try await TestSite(papers: many)
        try await site.run { client async throws in
            let first = try await client.get("/papers/new").text
            #expect(first.contains("Listed paper 49<") && !first.contains("Listed paper 50<"))
            #expect(first.contains("href=\"/papers/new?date=2026-12-01&amp;p=1\">More papers →</a>"))
            let second = try await client.get("/papers/new?date=2026-12-01&p=1").text
            #expect(second.contains("Listed paper 59<") && !second.contains("Listed paper 0<") && second.contains("← Higher ranked"))
            let past = try await client.get("/papers/new?date=2026-12-01&p=4").text
            #expect(past.contains("Page 5 is past the last one. <a href=\"/papers/new?date=2026-12-01\">Back to the first page</a>"))
            #expect(!past.contains("← Higher ranked") && !past.contains("No paper of this kind"))
            let category = try await client.get("/papers/category/cs.LG?p=1").text
            #expect(category.components(separatedBy: "<li class=\"card\"").count - 1 == 10)
            #expect(category.contains("rel=\"prev\" href=\"/papers/category/cs.LG\">← Newer") && !category.contains("Older →"))
            let pastCategory = try await client.get("/papers/category/cs.LG?p=3").text
            #expect(pastCategory.contains("Page 4 is past the last one") && !pastCategory.contains("← Newer"))
        }
    }
}

extension Paper {
    func licensed(_ license: String) -> Paper {
        var paper = self
        paper.license = license
        return paper
    }
}
