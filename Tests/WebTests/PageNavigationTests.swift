import Community
import Foundation
import PapersCore
import Search
import TestSupport
import Testing

@testable import Web

/// The listing, paging and account defects people met in the browser, each checked where the server decides it.
@Suite("Paging, empty days, the date picker, sign-up and what a card shows") struct PageNavigationTests {
    /// `count` papers of one organization, featured over the five days before 2025-10-31.
    static func organizationPapers(_ count: Int) -> [Paper] {
        (0..<count).map { index in
            SamplePapers.paper(
                String(format: "2509.%05d", index + 1), title: "Lab paper \(index)",
                featured: Day(daysSinceEpoch: 20_387 + index % 5).description, organization: WebFixtures.nvidia)
        }
    }

    static func cards(_ html: String) -> Int {
        html.components(separatedBy: "<li class=\"card\" id=\"paper-").count - 1
    }

    @Test("organization, author and trending pages page 50 at a time, with a way back from past the end")
    func listingsPage() async throws {
        var papers = Self.organizationPapers(93)
        for index in papers.indices { papers[index].authors = ["Ada Lovelace"] }
        let site = try await CommunitySite(papers: papers)
        try await site.run { client in
            for path in ["/nvidia", "/authors/Ada%20Lovelace"] {
                let first = try await client.get(path).text
                #expect(Self.cards(first) == 50, "\(path)")
                #expect(first.contains("rel=\"next\" href=\"\(path)?p=1\"") && first.contains("Page 1"), "\(path)")
                let second = try await client.get(path + "?p=1").text
                #expect(Self.cards(second) == 43 && second.contains("rel=\"prev\"") && !second.contains("rel=\"next\""), "\(path)")
                let past = try await client.get(path + "?p=5")
                #expect(past.status == .ok && past.text.contains("Page 6 is past the last one"), "\(path)")
                #expect(!past.text.contains("rel=\"prev\""), "past the end, the way back is the first page, not page 5")
                #expect(try await client.get(path + "?p=x").status == .badRequest)
            }
            let trending = try await client.get("/papers/trending").text
            #expect(Self.cards(trending) == 50 && trending.contains("rel=\"next\" href=\"/papers/trending?p=1\""))
            #expect(!trending.contains(".000Z</time>") && trending.contains("UTC</time>"), "the reference time reads as a date")
            #expect(Self.cards(try await client.get("/papers/trending?p=1").text) > 0)
        }
    }

    @Test("one pager for every listing: it keeps the listing's own query and names its directions")
    func pagerKeepsTheQuery() {
        let ranked = PageLinks.render(
            path: "/papers/date/2025-11-03?has=code", page: 1, hasMore: true, previous: "← Higher ranked", next: "More papers →")
        #expect(ranked.rendered.contains(#"rel="prev" href="/papers/date/2025-11-03?has=code">← Higher ranked</a>"#), "page 0 is the path itself")
        #expect(ranked.rendered.contains(#"rel="next" href="/papers/date/2025-11-03?has=code&amp;p=2">More papers →</a>"#))
        #expect(ranked.rendered.contains("<span>Page 2</span>"))
        #expect(PageLinks.render(path: "/nvidia", page: 0, hasMore: true).rendered.contains(#"href="/nvidia?p=1">Next page →"#))
        #expect(PageLinks.render(path: "/nvidia", page: 0, hasMore: false).rendered.isEmpty, "a single page has no pager")
    }

    @Test("an empty day says so once; an empty day in the future is a 404; a page past a day's end leads back")
    func emptyAndFutureDays() async throws {
        let site = try await TestSite(papers: WebFixtures.papers)
        try await site.run { client in
            let saturday = try await client.get("/papers/date/2025-11-01")
            #expect(saturday.status == .ok && saturday.text.contains("No papers were featured on this day"))
            #expect(!saturday.text.contains("0 papers featured"))
            let future = try await client.get("/papers/date/2030-01-07")
            #expect(future.status == .notFound && future.text.contains("has not happened yet"))
            #expect(try await client.get("/papers/date/2025-11-10").status == .ok, "a future day with papers is shown")
            let pastTheDay = try await client.get("/papers/date/2025-11-03?p=3").text
            #expect(pastTheDay.contains("Page 4 is past the last one") && !pastTheDay.contains("← Higher ranked"))
        }
    }

    @Test("the date picker leads to the day it names; a malformed day is a 400 in words")
    func datePicker() async throws {
        let site = try await TestSite(papers: WebFixtures.papers)
        try await site.run { client in
            let day = try await client.get("/papers/date/2025-11-03").text
            #expect(day.contains(#"<form class="date-picker" method="get" action="/papers/date">"#) && day.contains(#"value="2025-11-03""#))
            let picked = try await client.get("/papers/date?date=2025-10-30")
            #expect(picked.status == .found && picked.headers[.location] == "/papers/date/2025-10-30")
            let bad = try await client.get("/papers/date?date=yesterday")
            #expect(bad.status == .badRequest && bad.text.contains("YYYY-MM-DD"))
        }
    }

    @Test("signing up with mail on asks to confirm, then log in; a 429 keeps what was typed; mistyped tries are not counted")
    func signUpAnswers() async throws {
        let limits = CommunitySite.limits(.signup, (2, 2))
        let site = try await CommunitySite(limits: limits)
        try await site.run { client in
            let browser = Browser(client)
            for _ in 0..<3 {
                let short = try await browser.signUp("typo", password: "short")
                #expect(short.status == .badRequest)
            }
            let welcome = try await browser.signUp("newcomer")
            #expect(welcome.status == .ok && welcome.text.contains("Welcome, newcomer!"), "three mistyped passwords did not use up the limit")
            // No session before the address is confirmed: a taken address must get this very page.
            #expect(!welcome.text.contains("<summary>newcomer</summary>") && welcome.text.contains("then log in to submit papers"))
            let other = Browser(client)
            #expect(try await other.signUp("second").status == .ok)
            let refused = try await Browser(client).signUp("third-person", email: "third@example.org")
            #expect(refused.status == .tooManyRequests && refused.headers[.retryAfter] != nil)
            #expect(refused.text.contains(#"value="third-person""#) && refused.text.contains(#"value="third@example.org""#))
            #expect(refused.text.contains("Too many requests"))
        }
    }

    @Test("the Markdown view writes each fact as a list item, so they do not run together")
    func markdownFacts() {
        var paper = SamplePapers.paper("2511.00001", title: "A", upvotes: 3, submitter: "ak", organization: WebFixtures.nvidia)
        paper.authors = ["Ada Lovelace"]
        let lines = PaperMarkdown.render(paper).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.contains("- **Authors:** Ada Lovelace") && lines.contains("- **Upvotes:** 3") && lines.contains("- **Organization:** NVIDIA"))
    }

    @Test("cards and paper pages show TeX as text, long author lists folded, addresses in abstracts as links")
    func paperText() async throws {
        var paper = SamplePapers.paper("2406.14347", title: "$\\nabla^2$DFT: A Universal Dataset", upvotes: 5)
        paper.abstract = "We reach 27.3\\% more; code at https://github.com/example/repo."
        paper.authors = (1...30).map { "Author \($0)" }
        let site = try await TestSite(papers: [paper])
        try await site.run { client in
            let day = try await client.get("/papers/date/2025-11-03").text
            #expect(day.contains(">∇²DFT: A Universal Dataset</a></h2>") && day.contains("27.3% more"))
            let page = try await client.get("/papers/2406.14347").text
            #expect(page.contains("<h1>∇²DFT: A Universal Dataset</h1>") && page.contains("<title>∇²DFT: A Universal Dataset · DailyPapers</title>"))
            #expect(page.contains(#"<a href="https://github.com/example/repo" rel="nofollow ugc">https://github.com/example/repo</a>."#))
            #expect(page.contains("<summary>+18 more</summary>") && page.components(separatedBy: "href=\"/authors/").count - 1 == 30)
            #expect(try await client.get("/api/papers/2406.14347").text.contains(#"$\\nabla^2$DFT"#), "the API keeps the source's text")
        }
    }
}
