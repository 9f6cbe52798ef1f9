import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import PapersCore
import Storage
import TestSupport
import Testing

@testable import Web

@Suite struct PageTests {
    @Test func homeShowsTheLatestFeedDayRankedByUpvotes() async throws {
        let site = try await TestSite(papers: WebFixtures.papers)
        try await site.run { client async throws in
            let response = try await client.get("/")
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "text/html; charset=utf-8")
            let html = response.text
            #expect(html.contains("Daily Papers"))
            #expect(html.contains("— by the research community"))
            #expect(html.contains("<h1>Nov 10, 2025</h1>"))
            #expect(html.contains("Next week"))
            #expect(!html.contains("Latest top"))
        }
    }

    @Test func aDayPageShowsCardsAsOnTheReferencePage() async throws {
        let site = try await TestSite(papers: WebFixtures.papers)
        try await site.run { client async throws in
            let html = try await client.get("/papers/date/2025-10-30").text
            let top = try #require(html.range(of: "Day one top"))
            let second = try #require(html.range(of: "Day one second"))
            #expect(top.lowerBound < second.lowerBound)
            #expect(html.contains("<a href=\"/papers/2510.00001\">Day one top</a>"))
            #expect(html.contains("<span>• 2 authors</span> · <time datetime=\"2025-10-30\">Oct 30</time>"))
            #expect(html.contains("<time datetime=\"2024-10-01\">Oct 1, 2024</time>"))
            #expect(html.contains("<span class=\"count\">50</span><small>upvotes</small>"))
            // Previous/next skip the empty days between feed days.
            #expect(html.contains("<a rel=\"next\" href=\"/papers/date/2025-11-03\">"))
            #expect(!html.contains("rel=\"prev\""))
        }
    }

    @Test func organizationBylinesLinkToTheOrganizationPage() async throws {
        let site = try await TestSite(papers: WebFixtures.papers)
        try await site.run { client async throws in
            let day = try await client.get("/papers/date/2025-11-03").text
            #expect(
                day.contains(
                    "<a href=\"/nvidia\"><span class=\"avatar small hue-\(Avatar.hue(of: "NVIDIA"))\" aria-hidden=\"true\">NV</span><bdi>NVIDIA</bdi></a> · <time"
                ))
            let organization = try await client.get("/nvidia")
            #expect(organization.status == .ok)
            #expect(organization.text.contains("Latest top"))
            #expect(!organization.text.contains("Latest second"))
            #expect(try await client.get("/no-such-org").status == .notFound)
        }
    }

    @Test func weekAndMonthPagesAndTheirShortcuts() async throws {
        let site = try await TestSite(papers: WebFixtures.papers)
        try await site.run { client async throws in
            let week = try await client.get("/papers/week/2025-W44")
            #expect(week.status == .ok)
            #expect(week.text.contains("Week 44, 2025"))
            #expect(week.text.contains("Day one top") && !week.text.contains("Latest top"))
            #expect(week.text.contains("href=\"/papers/week/2025-W45\""))
            let month = try await client.get("/papers/month/2025-11").text
            #expect(month.contains("November 2025") && month.contains("Latest top") && month.contains("Next week"))
            #expect(month.contains("href=\"/papers/month/2025-10\""))
            let latestWeek = try await client.get("/papers/week")
            #expect(latestWeek.status == .found)
            #expect(latestWeek.headers[.location] == "/papers/week/2025-W46")
            #expect(try await client.get("/papers/month").headers[.location] == "/papers/month/2025-11")
            let empty = try await client.get("/papers/date/2025-11-04")
            #expect(empty.status == .ok && empty.text.contains("No papers were featured on this day."))
        }
    }

    @Test func trendingShowsItsFormula() async throws {
        let site = try await TestSite(papers: WebFixtures.papers)
        try await site.run { client async throws in
            let html = try await client.get("/papers/trending").text
            #expect(html.contains(Trending.formulaDescription))
            // At 2025-11-05 12:00 within 30 days: Latest top (30 votes, 60 h) outranks Day one top (50 votes, 156 h).
            #expect(html.contains("<ol class=\"cards\">"))
            let latest = try #require(html.range(of: "Latest top"))
            let older = try #require(html.range(of: "Day one top"))
            #expect(latest.lowerBound < older.lowerBound)
        }
    }

    @Test func paperPageShowsEverythingKnown() async throws {
        var paper = SamplePapers.paper("2511.00009", title: "Full paper", upvotes: 12, submitter: "akhaliq", organization: WebFixtures.nvidia)
        paper.projectPage = "https://example.org/project"
        paper.aiSummary = "One sentence."
        let site = try await TestSite(papers: [paper])
        try await site.run { client async throws in
            let response = try await client.get("/papers/2511.00009")
            #expect(response.status == .ok)
            let html = response.text
            for fragment in [
                "<h1>Full paper</h1>",
                "<a href=\"/authors/Ada%20Lovelace\"><bdi>Ada Lovelace</bdi></a>, <a href=\"/authors/Alan%20Turing\"><bdi>Alan Turing</bdi></a>",
                "https://arxiv.org/abs/2511.00009", "https://arxiv.org/pdf/2511.00009",
                "https://github.com/example/2511.00009", "https://example.org/project", "NVIDIA",
                "<dd><span data-upvotes=\"2511.00009\">12</span> (12 on Hugging Face, <span data-upvotes-here=\"2511.00009\">0</span> here)</dd>",
                "<dd><a href=\"/users/akhaliq\">akhaliq (on Hugging Face)</a></dd>",
                "Nov 3, 2025", "One sentence.", "Abstract of 2511.00009",
            ] {
                #expect(html.contains(fragment), "missing \(fragment)")
            }
            #expect(try await client.get("/papers/2511.00009v2").status == .ok)
        }
    }

    @Test func markdownVersionOfAPaper() async throws {
        let site = try await TestSite(papers: WebFixtures.papers)
        try await site.run { client async throws in
            let response = try await client.get("/papers/2511.00001.md")
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "text/markdown; charset=utf-8")
            #expect(response.text.hasPrefix("# Latest top\n"))
            #expect(response.text.contains("- arXiv: https://arxiv.org/abs/2511.00001"))
            #expect(response.text.contains("**Organization:** NVIDIA"))
            let negotiated = try await client.execute(uri: "/papers/2511.00001", method: .get, headers: [.accept: "text/markdown"])
            #expect(negotiated.text == response.text)
            #expect(try await client.get("/papers/2511.00001").text.hasPrefix("<!doctype html>"))
        }
    }

    @Test func oldStyleArxivIdsHaveTheirPages() async throws {
        let site = try await TestSite(papers: WebFixtures.papers)
        try await site.run { client async throws in
            #expect(try await client.get("/papers/quant-ph/0210005").text.contains("Old style id"))
            #expect(try await client.get("/api/papers/quant-ph/0210005").status == .ok)
        }
    }

    @Test func errorsArePagesWithTheRightStatus() async throws {
        let site = try await TestSite(papers: WebFixtures.papers)
        try await site.run { client async throws in
            let missing = try await client.get("/papers/2999.99999")
            #expect(missing.status == .notFound)
            #expect(missing.text.contains("<h1>404 · Not Found</h1>"))
            #expect(missing.text.contains("No paper with id"))
            let badDate = try await client.get("/papers/date/2025-02-30")
            #expect(badDate.status == .badRequest && badDate.text.contains("is not a date"))
            #expect(try await client.get("/papers/week/2025-W60").status == .badRequest)
            #expect(try await client.get("/papers/month/2025-13").status == .badRequest)
            #expect(try await client.get("/papers/date/2025-10-30?p=x").status == .badRequest)
            let nowhere = try await client.get("/a/b/c/d")
            #expect(nowhere.status == .notFound && nowhere.text.contains("<!doctype html>"))
            #expect(try await client.get("/healthz").text == "ok")
        }
    }

    @Test func anEmptySiteExplainsHowToImport() async throws {
        let site = try await TestSite(papers: [])
        try await site.run { client async throws in
            let html = try await client.get("/").text
            #expect(html.contains("dailypapers import FILE"))
            #expect(try await client.get("/papers/week").headers[.location] == "/")
        }
    }

    @Test func changesFromAnotherConnectionReachCachedPages() async throws {
        let site = try await TestSite(papers: WebFixtures.papers)
        try await site.run { client async throws in
            #expect(!(try await client.get("/papers/date/2025-11-03").text.contains("Arrived later")))
            let other = SQLPaperStore(database: try SQLiteDatabase(path: site.temporary.path))
            _ = try await other.apply(
                [SamplePapers.update(SamplePapers.paper("2511.00077", title: "Arrived later", featured: "2025-11-03"))], at: TestSite.now)
            #expect(try await client.get("/papers/date/2025-11-03").text.contains("Arrived later"))
        }
    }
}

@Suite struct RateLimitTests {
    @Test func theEleventhSubscriptionPostIn5MinutesGets429WithRateLimitHeaders() async throws {
        let limiter = RateLimiter(limit: 10)
        for _ in 0..<10 { try limiter.check("client", nowSeconds: 1_000) }
        do {
            try limiter.check("client", nowSeconds: 1_000)
            Issue.record("the eleventh request passed")
        } catch let error as HTTPError {
            #expect(error.status == .tooManyRequests)
            #expect(error.headers[HTTPField.Name("RateLimit-Policy")!] == "10;w=300")
            #expect(error.headers[HTTPField.Name("RateLimit")!] == "limit=10, remaining=0, reset=200")
        }
        try limiter.check("another client", nowSeconds: 1_000)
        try limiter.check("client", nowSeconds: 1_200)
    }

    @Test func theTableIsBoundedAndANewWindowStartsEmpty() throws {
        let limiter = RateLimiter(limit: 3, maxKeys: 100)
        for client in 0..<99 { try limiter.check("ip:10.0.0.\(client)", nowSeconds: 1_000) }
        #expect(limiter.keyCount == 99)
        // Past the bound, fresh clients share one count: the table stops growing and the flood is limited as one.
        for client in 0..<3 { try limiter.check("ip:10.1.0.\(client)", nowSeconds: 1_000) }
        #expect(throws: HTTPError.self) { try limiter.check("ip:10.2.0.1", nowSeconds: 1_000) }
        #expect(limiter.keyCount == 100)
        try limiter.check("ip:10.0.0.1", nowSeconds: 1_000)
        try limiter.check("ip:10.2.0.1", nowSeconds: 1_300)
        #expect(limiter.keyCount == 1, "the next window starts from an empty table")
    }

    @Test func anIPv6NetworkCountsAsOneClient() {
        #expect(ClientAddress.limitKey("2001:db8:1:2:3:4:5:6") == ClientAddress.limitKey("2001:db8:1:2:ffff::1"), "one /64")
        #expect(ClientAddress.limitKey("2001:db8:1:2::1") == "ip6:20010db800010002::/64")
        #expect(ClientAddress.limitKey("2001:db8:1:3::1") != ClientAddress.limitKey("2001:db8:1:2::1"), "the next /64 is another client")
        #expect(ClientAddress.limitKey("203.0.113.9") == "ip:203.0.113.9")
        #expect(ClientAddress.limitKey("::ffff:203.0.113.9") == "ip:203.0.113.9", "an IPv4-mapped address is its IPv4")
        #expect(ClientAddress.limitKey("unknown") == "ip:unknown")
    }
}

@Suite struct StylesheetTests {
    @Test func pagesLinkAStylesheetThatIsCachedForAYear() async throws {
        let site = try await TestSite(papers: WebFixtures.papers)
        try await site.run { client async throws in
            let page = try await client.get("/").text
            let range = try #require(page.range(of: #"/assets/site-[0-9a-f]{12}\.css"#, options: .regularExpression))
            let css = try await client.get(String(page[range]))
            #expect(css.status == .ok && css.headers[.contentType] == "text/css; charset=utf-8")
            #expect(css.headers[.cacheControl] == "public, max-age=31536000, immutable")
            #expect(css.text.contains(".card{") && !page.contains("<style>"))
            let head = try await client.execute(uri: String(page[range]), method: .head)
            #expect(head.status == .ok && head.body.readableBytes == 0)
            #expect(try await client.execute(uri: "/", method: .head).status == .ok)
        }
    }
}
