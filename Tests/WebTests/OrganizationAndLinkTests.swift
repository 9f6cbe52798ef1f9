import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import PapersCore
import Storage
import TestSupport
import Testing

/// The smaller defects of the hardening issue.
@Suite("Organizations keep an admin; submitters' and the search page's links lead somewhere")
struct OrganizationAndLinkTests {
    @Test("the last admin of an organization can neither remove nor demote themselves")
    func anOrganizationKeepsAnAdmin() async throws {
        let site = try await CommunitySite()
        let root = try await site.member("root")
        try await site.member("bob")
        try await site.store.organizations.createOrganization(Organization(name: "lab", fullname: "The Lab"), creatorId: root.id, at: TestSite.now)
        try await site.run { client in
            let browser = Browser(client)
            try await browser.logIn("root", password: "password-root")
            try await browser.get("/lab")
            let removed = try await browser.post("/lab/members", ["username": "root", "role": "remove"])
            #expect(removed.status == .conflict)
            #expect(removed.text.contains("without an admin"))
            #expect(try await browser.post("/lab/members", ["username": "root", "role": "member"]).status == .conflict)
            #expect(try await site.store.organizations.membership(of: root.id, in: "lab") == .admin)
            #expect(try await browser.post("/lab/members", ["username": "bob", "role": "admin"]).status == .found)
            #expect(try await browser.post("/lab/members", ["username": "root", "role": "remove"]).status == .found)
            #expect(try await site.store.organizations.membership(of: root.id, in: "lab") == nil)
        }
    }

    @Test("an imported submitter's link shows what they submitted instead of a 404; unknown names still 404")
    func importedSubmittersHaveAPage() async throws {
        let site = try await CommunitySite()
        try await site.run { client in
            let card = try await client.get("/papers/date/2025-10-30")
            #expect(card.text.contains(#"<a href="/users/akhaliq" title="akhaliq on Hugging Face">akhaliq</a>"#))
            let page = try await client.get("/users/akhaliq")
            #expect(page.status == .ok)
            #expect(page.text.contains("Day one top") && page.text.contains("not a member of this site"))
            #expect(try await client.get("/users/nobody-at-all").status == .notFound)
        }
    }

    @Test("the search page's Submit link fills the submit form")
    func submitLinkFillsTheForm() async throws {
        let site = try await CommunitySite()
        try await site.member("alice")
        try await site.run { client in
            let browser = Browser(client)
            try await browser.logIn("alice", password: "password-alice")
            let search = try await browser.get("/papers/search?q=2512.09999")
            #expect(search.text.contains(#"href="/papers/submit?id=2512.09999""#))
            let form = try await browser.get("/papers/submit?id=2512.09999")
            #expect(form.text.contains(#"value="2512.09999""#))
        }
    }

    @Test("an organization's name with a right-to-left override is isolated wherever a page shows it")
    func rightToLeftNamesAreIsolated() async throws {
        var papers = WebFixtures.papers
        let name = "\u{202E}gro.live\u{202C} Lab"
        papers[0].organization = Organization(name: "rtl", fullname: name)
        let paths = ["/papers/date/\(papers[0].featuredOn?.description ?? "")", "/rtl", "/papers/\(papers[0].id)"]
        let site = try await TestSite(papers: papers)
        try await site.run { client in
            for path in paths {
                let page = try await client.get(path).text
                #expect(page.contains("<bdi>\(name)</bdi>"), "\(path) shows the name isolated")
                // Elsewhere the name may only stand in an attribute or the window's title, where no text runs beside it.
                let rest = page.replacingOccurrences(of: "<bdi>\(name)</bdi>", with: "")
                var unisolated = 0
                var searchFrom = rest.startIndex
                while let found = rest.range(of: name, range: searchFrom..<rest.endIndex) {
                    let before = rest[..<found.lowerBound]
                    if !before.hasSuffix("\"") && !before.hasSuffix("<title>") { unisolated += 1 }
                    searchFrom = found.upperBound
                }
                #expect(unisolated == 0, "\(path) shows the name unisolated \(unisolated) times")
            }
        }
    }
}
