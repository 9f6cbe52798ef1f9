import Foundation
import HummingbirdTesting
import PapersCore
import TestSupport
import Testing
import Web

/// The fields of a daily item the tests read back.
struct DailyItemJSON: Decodable {
    struct PaperJSON: Decodable {
        let id: String
        let title: String
        let upvotes: Int
        let authors: [Author]
        let publishedAt: String?
        let organization: OrganizationJSON?
    }

    struct Author: Decodable {
        let name: String
        let hidden: Bool
    }
    struct OrganizationJSON: Decodable {
        let name: String
        let fullname: String
    }
    struct User: Decodable {
        let user: String
        let name: String
    }

    let paper: PaperJSON
    let title: String
    let publishedAt: String?
    let numComments: Int
    let submittedBy: User?
    let githubRepo: String?
}

struct ErrorJSON: Decodable { let error: String }

@Suite struct APITests {
    @Test func dailyPapersForADate() async throws {
        let site = try await TestSite(papers: WebFixtures.papers)
        try await site.run { client async throws in
            let response = try await client.get("/api/daily_papers?date=2025-11-03")
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "application/json; charset=utf-8")
            let items = try response.json([DailyItemJSON].self)
            #expect(items.map(\.paper.id) == ["2511.00001", "2511.00002"])
            #expect(items[0].title == "Latest top" && items[0].paper.title == "Latest top")
            #expect(items[0].paper.upvotes == 30)
            #expect(items[0].paper.authors.map(\.name) == ["Ada Lovelace", "Alan Turing"])
            #expect(items[0].paper.publishedAt == "2025-10-30T12:00:00.000Z")
            #expect(items[0].publishedAt == "2025-11-03T00:00:00.000Z")
            #expect(items[0].paper.organization?.fullname == "NVIDIA")
            #expect(items[1].submittedBy?.user == "akhaliq")
        }
    }

    @Test func weekMonthSubmitterAndPaging() async throws {
        let site = try await TestSite(papers: WebFixtures.papers)
        try await site.run { client async throws in
            #expect(
                try await client.get("/api/daily_papers?week=2025-W44").json([DailyItemJSON].self).map(\.paper.id) == ["2510.00001", "2510.00002"])
            #expect(try await client.get("/api/daily_papers?month=2025-11").json([DailyItemJSON].self).count == 3)
            let bySubmitter = try await client.get("/api/daily_papers?submitter=akhaliq").json([DailyItemJSON].self)
            #expect(bySubmitter.map(\.paper.id) == ["2511.00002", "2510.00001"])
            let first = try await client.get("/api/daily_papers?limit=2")
            #expect(try first.json([DailyItemJSON].self).map(\.paper.id) == ["2511.00003", "2511.00001"])
            let link = try #require(first.headers[values: .init("Link")!].first)
            #expect(link.hasSuffix("/api/daily_papers?limit=2&p=1>; rel=\"next\""))
            let last = try await client.get("/api/daily_papers?limit=2&p=2")
            #expect(try last.json([DailyItemJSON].self).map(\.paper.id) == ["2510.00002"])
            #expect(last.headers[values: .init("Link")!].isEmpty)
            #expect(try await client.get("/api/daily_papers?p=100").text == "[]")
        }
    }

    @Test func trendingSort() async throws {
        let site = try await TestSite(papers: WebFixtures.papers)
        try await site.run { client async throws in
            let items = try await client.get("/api/daily_papers?month=2025-10&sort=trending").json([DailyItemJSON].self)
            #expect(items.map(\.paper.id) == ["2510.00001", "2510.00002"])
            let all = try await client.get("/api/daily_papers?sort=trending").json([DailyItemJSON].self)
            // The clock stands at 2025-11-05 12:00, so the paper featured on 2025-11-10 is not yet in the window.
            #expect(all.map(\.paper.id) == ["2511.00001", "2511.00002", "2510.00001", "2510.00002"])
        }
    }

    @Test(arguments: [
        ("date=2025-13-01", "Invalid date '2025-13-01': expected YYYY-MM-DD"),
        ("week=2025-44", "Invalid week '2025-44': expected YYYY-Www, e.g. 2025-W09"),
        ("month=2025-1", "Invalid month '2025-1': expected YYYY-MM"),
        ("limit=0", "Invalid limit '0': expected an integer from 1 to 100"),
        ("limit=101", "Invalid limit '101': expected an integer from 1 to 100"),
        ("p=-1", "Invalid p '-1': expected an integer from 0 to 1000000"),
        ("sort=votes", "Invalid sort 'votes': expected publishedAt or trending"),
        ("date=2025-11-03&week=2025-W44", "Parameters date, week cannot be combined: give one of date, week or month"),
    ])
    func badParametersGetA400WithAPreciseMessage(query: String, message: String) async throws {
        let site = try await TestSite(papers: WebFixtures.papers)
        try await site.run { client async throws in
            let response = try await client.get("/api/daily_papers?\(query)")
            #expect(response.status == .badRequest)
            #expect(try response.json(ErrorJSON.self).error == message)
        }
    }

    @Test func paperInfoAndNotFound() async throws {
        let site = try await TestSite(papers: WebFixtures.papers)
        try await site.run { client async throws in
            struct Flat: Decodable {
                let id: String
                let title: String
                let upvotes: Int
                let submittedOnDailyAt: String?
                let githubRepo: String?
            }
            let paper = try await client.get("/api/papers/2511.00001").json(Flat.self)
            #expect(paper.id == "2511.00001" && paper.title == "Latest top" && paper.upvotes == 30)
            #expect(paper.submittedOnDailyAt == "2025-11-03T00:00:00.000Z")
            let missing = try await client.get("/api/papers/2999.00001")
            #expect(missing.status == .notFound)
            #expect(try missing.json(ErrorJSON.self).error == "Paper not found: 2999.00001")
            let nowhere = try await client.get("/api/nothing-here")
            #expect(nowhere.status == .notFound)
            #expect(try nowhere.json(ErrorJSON.self).error == "There is no page at this address.")
        }
    }

    @Test func papersByPublicationWithCursor() async throws {
        let site = try await TestSite(papers: WebFixtures.papers)
        try await site.run { client async throws in
            struct Flat: Decodable { let id: String }
            var ids: [String] = []
            var uri = "/api/papers?limit=4"
            while true {
                let response = try await client.get(uri)
                ids += try response.json([Flat].self).map(\.id)
                guard let link = response.headers[values: .init("Link")!].first,
                    let start = link.range(of: "/api/papers?"), let end = link.range(of: ">;")
                else { break }
                uri = String(link[start.lowerBound..<end.lowerBound])
            }
            #expect(ids.count == WebFixtures.papers.count)
            #expect(ids.last == "quant-ph/0210005")
            #expect(try await client.get("/api/papers?cursor=garbage").status == .badRequest)
        }
    }
}
