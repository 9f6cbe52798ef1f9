import Community
import Foundation
import PapersCore
import Search
import TestSupport
import Testing

@testable import Web

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
