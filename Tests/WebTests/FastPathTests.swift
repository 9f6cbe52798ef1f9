import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import PapersCore
import Presentation
import Storage
import TestSupport
import Testing

@testable import Web

/// Every cacheable route is answered from the event loop's cache on its second request, on a day arXiv announces,
/// on a quiet day and on a holiday: the fast path and the route table derive one key from the route's own policy.
@Suite struct FastPathTests {
    /// (what kind of day, the site's clock): a Wednesday, a Saturday and Thanksgiving (on the built-in list of
    /// arXiv's holidays), each at noon in New York.
    static let days = [("announcing", "2026-11-04T17:00:00.000Z"), ("quiet", "2026-11-07T17:00:00.000Z"), ("holiday", "2026-11-26T17:00:00.000Z")]
    static let xCache = HTTPField.Name("X-Cache")!

    /// A paper that every example route with a value finds: its id, organization, submitter, author and category.
    static var examplePaper: Paper {
        var paper = SamplePapers.paper(
            "2410.11779", title: "The example paper", featured: "2025-11-03", upvotes: 3, submitter: "example-org",
            organization: Organization(name: "example-org", fullname: "Example Org")
        )
        paper.authors = ["Yangyong Zhu / 朱", "Ada Lovelace"]
        paper.authorCount = 2
        paper.categories = ["cs.CL"]
        return paper
    }

    /// The public collection `Route.exampleSlug` names.
    static let exampleCollection = PaperCollection(
        id: "0123456789abcdef01234567", owner: "example-org", ownerIsOrganization: false, title: "Reading group", createdAt: TestSite.now,
        updatedAt: TestSite.now)

    @Test(arguments: days)
    func everyCacheableRouteComesFromTheFastPathTheSecondTime(kind: String, instant: String) async throws {
        let now = try #require(Timestamp(iso: instant))
        let site = try await CommunitySite(papers: WebFixtures.papers + [Self.examplePaper])
        try await SQLCollectionStore(database: site.site.temporary.database).create(Self.exampleCollection, ownerUserId: nil)
        let notice = try site.site.builder().configuration.arxivCalendar.quietDayNotice(at: now)
        #expect((notice == nil) == (kind == "announcing"), "the calendar says what kind of day \(instant) is")
        let cacheable = Route.examples.filter { $0.caching != nil }
        #expect(cacheable.count >= 25)
        try await site.run(now: now, testing: .live) { client in
            for route in cacheable {
                let first = try await client.get(route.path)
                #expect(first.status == .ok, "\(route.path) answers 200, so it can be cached")
                #expect(first.headers[Self.xCache] == nil, "\(route.path): the first request renders")
                let second = try await client.get(route.path)
                #expect(second.headers[Self.xCache] == "HIT", "\(kind): \(route.path) comes from the fast path the second time")
                #expect(second.body == first.body)
            }
            let front = try await client.get("/")
            let escaped = notice.map { HTML.escape($0) }
            #expect(escaped.map { front.text.contains($0) } ?? !front.text.contains("makes no announcement"), "the front page shows the day's notice")
        }
    }

    @Test func junkParametersAndOtherSpellingsShareTheRoutesEntry() async throws {
        let site = try await CommunitySite(papers: WebFixtures.papers)
        try await site.run(testing: .live) { client in
            _ = try await client.get("/papers/2511.00001")
            for spelling in ["/papers/2511.00001?q=1", "/papers/%32511.00001", "/papers/2511.00001?utm_source=x&p=3"] {
                let answer = try await client.get(spelling)
                #expect(answer.status == .ok && answer.headers[Self.xCache] == "HIT", "\(spelling) is the paper page's entry")
            }
            _ = try await client.get("/papers/date/2025-11-03?p=0")
            let other = try await client.get("/papers/date/2025-11-03?p=1")
            #expect(other.headers[Self.xCache] == nil, "a parameter the route reads keys an entry of its own")
        }
    }

    @Test func membersPagesAreNeverServedFromTheCache() async throws {
        let site = try await CommunitySite(papers: WebFixtures.papers)
        try await site.member("ann")
        try await site.run(testing: .live) { client in
            let browser = Browser(client)
            try await browser.logIn("ann", password: "password-ann")
            _ = try await client.get("/")
            let visitor = try await client.get("/")
            #expect(visitor.headers[Self.xCache] == "HIT")
            let member = try await browser.get("/")
            #expect(member.headers[Self.xCache] == nil && member.text.contains("ann"), "a member's front page is their own")
        }
    }
}
