import Arxiv
import Foundation
import PapersCore
import TestSupport
import Testing

@Suite("arXiv client")
struct ArxivClientTests {
    static func client(_ endpoint: URL, attempts: Int = 3, interval: Duration = .zero, timeout: Duration = .seconds(5)) -> ArxivClient {
        ArxivClient(
            settings: ArxivClientSettings(
                endpoint: endpoint, minimumInterval: interval, maxAttempts: attempts, initialBackoff: .milliseconds(20), timeout: timeout,
                userAgent: "DailyPapers-tests/1.0 (mailto:tests@example.org)"
            ))
    }

    @Test("parses the recorded arXiv answer: ids without version, titles and abstracts unwrapped, authors, categories")
    func parsesRecordedFeed() throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: SharedData.path("fixtures/arxiv-api/query-all-science-max10.atom.xml")))
        let papers = try ArxivFeedParser.papers(from: data)
        #expect(papers.count == 10)
        let first = try #require(papers.first)
        #expect(first.id == "1501.05039" && first.arxivId == "1501.05039")
        #expect(first.title == "Defining Data Science")
        #expect(first.abstract.hasPrefix("Data science is gaining more and more and widespread attention, but no consensus"))
        #expect(!first.abstract.contains("\n"))
        #expect(first.authors == ["Yangyong Zhu", "Yun Xiong"])
        #expect(first.categories == ["cs.DB", "cs.CY"])
        #expect(first.publishedAt == Timestamp(iso: "2015-01-21T02:41:55Z"))
        #expect(papers[1].title.hasPrefix("Report on a Boston University Conference December 7-8, 2012 on 'How Can the History"))
    }

    @Test("malformed XML is an error that says so; an empty feed is no paper")
    func malformedAndEmpty() async throws {
        let server = RecordedArxiv()
        let recorded = try RecordedArxiv.recordedEntry(id: "2511.00042", published: "2025-11-04T10:00:00Z")
        server.answer("2511.00042", with: [.init(body: String(recorded.prefix(recorded.count / 2)))])
        try await server.serve { url in
            let client = Self.client(url)
            await #expect(throws: ArxivError.self) { _ = try await client.paper(arxivId: "2511.00042") }
            do {
                _ = try await client.paper(arxivId: "2511.00042")
            } catch let error as ArxivError {
                #expect(error.description.contains("cannot be read"))
            }
            #expect(try await client.paper(arxivId: "2511.09999") == nil)
        }
    }

    @Test("a 503 is retried with backoff and the retry's answer is used; a 404 is not retried")
    func retries() async throws {
        let server = RecordedArxiv()
        let recorded = try RecordedArxiv.recordedEntry(id: "2511.00042", published: "2025-11-04T10:00:00Z")
        server.answer("2511.00042", with: [.init(status: 503, body: "busy"), .init(status: 429, body: "slow down"), .init(body: recorded)])
        server.answer("2511.00404", with: [.init(status: 404, body: "gone")])
        try await server.serve { url in
            let client = Self.client(url)
            let paper = try await client.paper(arxivId: "2511.00042")
            #expect(paper?.title == "Defining Data Science")
            #expect(server.received.filter { $0.id == "2511.00042" }.count == 3)
            await #expect(throws: ArxivError.self) { _ = try await client.paper(arxivId: "2511.00404") }
            #expect(server.received.filter { $0.id == "2511.00404" }.count == 1)
        }
    }

    @Test("a server that keeps failing or answers too slowly gives 'unavailable' after the allowed attempts")
    func givesUp() async throws {
        let server = RecordedArxiv()
        server.answer("2511.00503", with: [.init(status: 503, body: "down")])
        server.answer("2511.00777", with: [.init(body: RecordedArxiv.emptyFeed, delay: .seconds(3))])
        try await server.serve { url in
            let client = Self.client(url, attempts: 2, timeout: .seconds(1))
            for id in ["2511.00503", "2511.00777"] {
                do {
                    _ = try await client.paper(arxivId: id)
                    Issue.record("\(id) should have failed")
                } catch let error as ArxivError {
                    #expect(error.description.contains("after 2 attempts"), "\(error)")
                }
                #expect(await server.requests(for: id, reaching: 2) == 2)
            }
        }
    }

    @Test("requests are spaced by the politeness interval and carry the descriptive User-Agent")
    func politeness() async throws {
        let server = RecordedArxiv()
        try await server.serve { url in
            let client = Self.client(url, interval: .milliseconds(400))
            let ids = ["2511.00001", "2511.00002", "2511.00003", "2511.00004"]
            // Timed from the caller's side: four lookups must span at least three intervals, however fast the server
            // is (the server's own arrival times are skewed by whatever else the test process runs).
            let started = ContinuousClock.now
            for id in ids { _ = try await client.paper(arxivId: id) }
            #expect(ContinuousClock.now - started >= .milliseconds(1_200))
            #expect(Set(server.received.map(\.id)) == Set(ids))
            #expect(server.received.allSatisfy { $0.userAgent == "DailyPapers-tests/1.0 (mailto:tests@example.org)" })
        }
    }
}
