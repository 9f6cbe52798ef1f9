import Community
import Foundation
import PapersCore
import Search
import TestSupport
import Testing

@testable import Web

/// The listing, paging and account defects people met in the browser, each checked where the server decides it.
@Suite("What people see") struct UIDefectTests {
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

    @Test("signing up shows the new member in the header; a 429 keeps what was typed; mistyped tries are not counted")
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
            #expect(welcome.text.contains("<summary>newcomer</summary>") && !welcome.text.contains(">Sign up</a>"))
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

/// Search while the embedder has read only some papers: it says how far it is, and ranks by words meanwhile.
@Suite("Search with an incomplete meaning index") struct IncompleteMeaningTests {
    @Test func hybridRanksByWordsAndSaysHowFarMeaningIs() async throws {
        let early = (1...5).map { SamplePapers.paper(String(format: "2511.%05d", $0), title: "Sparse attention study \($0)") }
        let site = try await TestSite(papers: early)
        let embedder = try ModelFiles.embedder()
        let database = site.temporary.database
        _ = try await EmbeddingJob(embedder: embedder, database: database).run()
        let later = (6...70).map { SamplePapers.paper(String(format: "2511.%05d", $0), title: "Sparse attention sequel \($0)") }
        _ = try await site.temporary.store.apply(later.map(SamplePapers.update), at: TestSite.now)
        try await site.temporary.store.catchUpSearchIndex()
        let semantic = SemanticIndex(embedder: embedder, database: database)
        try await semantic.refresh()
        #expect(semantic.coverage == IndexCoverage(embedded: 5, total: 70) && !semantic.coverage.isComplete)
        #expect(IndexCoverage(embedded: 9_830, total: 9_877).isComplete, "a few dozen new papers do not count")
        try await site.run(semantic: semantic) { client in
            let hybrid = try await client.get("/papers/search?q=sparse+attention").text
            #expect(hybrid.contains("Search by meaning has read 5 of 70 papers so far: until it has read them all, results rank by words."))
            #expect(!hybrid.contains("% similar"), "ranked by words alone")
            #expect(hybrid.contains("70 results · 1–20"), "every paper with the words is a result")
            let semanticOnly = try await client.get("/papers/search?q=sparse+attention&mode=semantic").text
            #expect(semanticOnly.contains("these results come from those papers only"))
            let keyword = try await client.get("/papers/search?q=sparse+attention&mode=keyword").text
            #expect(!keyword.contains("Search by meaning has read"), "words alone need no warning")
        }
    }
}

/// What HF has that a plain listing lacks: code filters, faces, covers, badges and previews of shared links.
@Suite("Identity and filters") struct IdentityAndFilterTests {
    static var papers: [Paper] {
        var withRepo = SamplePapers.paper("2511.00001", title: "Coded: A Toolkit", upvotes: 9, organization: WebFixtures.nvidia)
        withRepo.githubRepo = "https://github.com/example/toolkit"
        withRepo.githubStars = 1_234
        withRepo.hub = HubDetails(
            organizationAvatar: "https://cdn-avatars.huggingface.co/nvidia.png", thumbnail: "https://cdn-thumbnails.huggingface.co/thumb.png")
        var linked = SamplePapers.paper("2511.00002", title: "Linked in the abstract", upvotes: 5)
        linked.abstract = "See https://gitlab.com/example/code for the code."
        linked.githubRepo = nil
        var plain = SamplePapers.paper("2511.00003", title: "No code at all", upvotes: 7)
        plain.abstract = "Nothing to run here."
        plain.hub = HubDetails(thumbnail: "https://tracker.example.org/pixel.png")
        return [withRepo, linked, plain]
    }

    @Test("has:code narrows feeds and search to papers with a repository; the card shows it with its stars")
    func codeFilter() async throws {
        let site = try await TestSite(papers: Self.papers)
        try await site.run { client in
            let all = try await client.get("/papers/date/2025-11-03").text
            #expect(all.contains("3 papers featured") && all.contains(#"href="/papers/date/2025-11-03?has=code">With code only</a>"#))
            #expect(
                all.contains(#"<a href="https://github.com/example/toolkit" rel="nofollow">Code</a> <span aria-label="1234 stars">★ 1.2k</span>"#))
            let coded = try await client.get("/papers/date/2025-11-03?has=code").text
            #expect(coded.contains("2 papers with code featured") && coded.contains("Coded: A Toolkit") && coded.contains("Linked in the abstract"))
            #expect(!coded.contains("No code at all"))
            #expect(try await client.get("/papers/date/2025-11-03?has=pdf").status == .badRequest)
            let search = try await client.get("/papers/search?q=has:code&mode=keyword").text
            #expect(search.contains("2 results") && !search.contains("No code at all"), "\(search.suffix(600))")
        }
    }

    @Test("cards carry the thumbnail and the organization's logo, or a drawn cover and initials; shared links preview")
    func faces() async throws {
        let site = try await TestSite(papers: Self.papers)
        try await site.run { client in
            let day = try await client.get("/papers/date/2025-11-03").text
            #expect(day.contains(#"<img class="cover" src="https://cdn-thumbnails.huggingface.co/thumb.png" alt="""#))
            #expect(day.contains(#"<img class="avatar small" src="https://cdn-avatars.huggingface.co/nvidia.png" alt="""#))
            #expect(
                day.contains(#"<span class="cover hue-\#(Avatar.hue(of: "2511.00003"))" aria-hidden="true">NC</span>"#),
                "an image from elsewhere is not loaded")
            #expect(!day.contains("tracker.example.org"))
            #expect(
                day.contains(#"<meta property="og:title" content="Nov 3, 2025">"#) && day.contains(#"<meta name="twitter:card" content="summary">"#))
            let paper = try await client.get("/papers/2511.00001").text
            #expect(paper.contains(#"<meta property="og:type" content="article">"#))
        }
        #expect(Avatar.initials("NVIDIA") == "NV" && Avatar.initials("Yu Zhang") == "YZ" && Avatar.initials("akhaliq") == "AK")
        #expect(Avatar.hue(of: "akhaliq") == Avatar.hue(of: "AKhaliq"), "a name keeps its colour in any letter case")
        #expect(Avatar.render("x", image: "javascript:alert(1)").rendered.hasPrefix("<span"), "only https images are shown")
    }

    @Test("comments name the paper's submitter and its authors")
    func commentBadges() async throws {
        var paper = SamplePapers.paper("2511.00005", title: "Badged", submitter: "alice")
        paper.authors = ["Bob Builder"]
        let site = try await CommunitySite(papers: [paper])
        let alice = try await site.member("alice")
        let bob = try await site.member("BobBuilder")
        _ = try await site.site.temporary.database.execute("UPDATE papers SET submitted_here = 1 WHERE id = '2511.00005'")
        _ = try await site.features.comments.post(on: "2511.00005", replyingTo: nil, body: "My submission.", by: alice)
        _ = try await site.features.comments.post(on: "2511.00005", replyingTo: nil, body: "My paper.", by: bob)
        try await site.run { client in
            let page = try await client.get("/papers/2511.00005").text
            #expect(page.contains(#">alice</a> <span class="badge">Paper submitter</span>"#))
            #expect(page.contains(#">BobBuilder</a> <span class="badge">Author</span>"#))
        }
    }
}
