import Foundation
import Ingestion
import PapersCore
import Storage
import TestSupport
import Testing

@Suite struct ImportFormatTests {
    let now = Timestamp(day: Day(iso: "2025-11-05") ?? Day(daysSinceEpoch: 0))

    func importing(_ contents: String, options: Importer.Options = .init()) async throws -> (ImportSummary, SQLPaperStore, TemporaryDatabase) {
        let temporary = try await TemporaryDatabase()
        let summary = try await Importer(store: temporary.store, options: options).run(files: [try temporaryFile(contents)], now: now)
        return (summary, temporary.store, temporary)
    }

    @Test func readsTheHFDailyLayout() async throws {
        let line =
            #"{"arxivId": "2405.15738", "title": "ConvLLaVA:  Hierarchical\nBackbones", "abstract": "Line one\n  line two https://github.com/alibaba/conv-llava.", "authors": ["Chunjiang Ge", "Sijie Cheng"], "publishedAt": "2024-05-24T17:34:15.000Z", "dailyDate": "2024-05-27", "submittedOnDailyAt": "2024-05-27T03:50:58.348Z", "submittedBy": "akhaliq", "upvotes": 32, "numComments": 3, "organization": {"name": "nvidia", "fullname": "NVIDIA"}, "githubRepo": "https://github.com/alibaba/conv-llava", "githubStars": 7, "projectPage": "https://example.org", "aiSummary": "Short.", "aiKeywords": ["LMM"], "source": "x"}"#
        let (summary, store, _) = try await importing(line + "\n")
        #expect(summary.line == "1 new, 0 updated, 0 unchanged, 0 rejected")
        let paper = try #require(try await store.paper(id: "2405.15738"))
        #expect(paper.title == "ConvLLaVA: Hierarchical Backbones")
        #expect(paper.abstract == "Line one line two https://github.com/alibaba/conv-llava.")
        #expect(paper.authors == ["Chunjiang Ge", "Sijie Cheng"])
        #expect(paper.authorCount == 2)
        #expect(paper.featuredOn?.description == "2024-05-27")
        #expect(paper.submittedAt?.description == "2024-05-27T03:50:58.348Z")
        #expect(paper.submittedBy == "akhaliq")
        #expect(paper.upvotes == 32 && paper.numComments == 3)
        #expect(paper.organization == Organization(name: "nvidia", fullname: "NVIDIA"))
        #expect(paper.githubRepo == "https://github.com/alibaba/conv-llava" && paper.githubStars == 7)
        #expect(paper.projectPage == "https://example.org" && paper.aiSummary == "Short." && paper.aiKeywords == ["LMM"])
        #expect(summary.formats.values.first == .hfDaily)
    }

    @Test func readsTheSeedLayoutAndGivesPapersWithoutArxivIdsAStableId() async throws {
        let lines = """
            {"arxivId": null, "title": "ChA-MAEViT", "abstract": "A.", "authorCount": 3, "organization": null, "publishedAt": "2025-03-24", "upvotes": 0, "codeUrls": [], "position": 0}
            {"arxivId": "2510.13786", "title": "The Art of Scaling", "abstract": "B.", "authorCount": null, "organization": {"name": "facebook", "fullname": "AI at Meta"}, "publishedAt": "2025-10-15", "upvotes": 2, "codeUrls": [], "position": 1}
            """
        let (summary, store, _) = try await importing(lines)
        #expect(summary.counts.inserted == 2)
        let derived = PaperIdentity.derivedId(forTitle: "ChA-MAEViT")
        let first = try #require(try await store.paper(id: derived))
        #expect(first.arxivId == nil && first.authorCount == 3 && first.featuredOn?.description == "2025-11-03")
        #expect(first.publishedAt?.day.description == "2025-03-24")
        let second = try #require(try await store.paper(id: "2510.13786"))
        #expect(second.organization?.fullname == "AI at Meta" && second.position == 1)
    }

    @Test func readsKaggleArxivSnapshotRecords() async throws {
        let line =
            #"{"id":"0704.0001","submitter":"Pavel Nadolsky","authors":"C. Bal\\'azs, E. L. Berger","title":"Calculation of prompt diphoton\n  production","comments":"37 pages","journal-ref":"Phys.Rev.D76:013009,2007","doi":"10.1103/PhysRevD.76.013009","report-no":"ANL-HEP-PR-07-12","categories":"hep-ph hep-ex","license":null,"abstract":"  A fully differential\ncalculation.\n","versions":[{"version":"v1","created":"Mon, 2 Apr 2007 19:18:42 GMT"}],"update_date":"2008-11-26","authors_parsed":[["Bal\u00e1zs","C.",""],["Berger","E. L.",""]]}"#
        let (_, store, _) = try await importing(line)
        let paper = try #require(try await store.paper(id: "0704.0001"))
        #expect(paper.title == "Calculation of prompt diphoton production")
        #expect(paper.authors == ["C. Balázs", "E. L. Berger"])
        #expect(paper.publishedAt?.description == "2007-04-02T19:18:42.000Z")
        #expect(paper.categories == ["hep-ph", "hep-ex"])
        #expect(paper.journalRef == "Phys.Rev.D76:013009,2007" && paper.doi == "10.1103/PhysRevD.76.013009")
        #expect(paper.arxivComments == "37 pages" && paper.license == nil && paper.featuredOn == nil)
    }

    @Test func readsAPrettyPrintedHFAPIResponseArray() async throws {
        let json = """
            [
              {
                "paper": {"id": "2410.11710", "authors": [{"_id": "a", "name": "Pei Wang", "hidden": false}, {"_id": "b", "name": "Hidden Person", "hidden": true}],
                          "publishedAt": "2024-10-15T15:20:00.000Z", "title": "MTU-Bench", "summary": "Large Language\\nModels.", "upvotes": 19},
                "publishedAt": "2024-10-16T01:56:29.759Z", "title": "MTU-Bench: A Benchmark", "numComments": 2,
                "submittedBy": {"name": "Ningyu", "fullname": "Ningyu Zhang"}, "mediaUrls": ["https://example.org/m.png"]
              }
            ]
            """
        let (_, store, _) = try await importing(json)
        let paper = try #require(try await store.paper(id: "2410.11710"))
        #expect(paper.title == "MTU-Bench: A Benchmark")
        #expect(paper.authors == ["Pei Wang"])
        #expect(paper.featuredOn?.description == "2024-10-16")
        #expect(paper.submittedBy == "Ningyu" && paper.numComments == 2 && paper.upvotes == 19)
        #expect(paper.mediaUrls == ["https://example.org/m.png"])
    }

    @Test func readsTheWrappedDataForm() async throws {
        let json =
            #"{"status": "ok", "date": "2025-01-10", "count": 1, "data": [{"paper": {"id": "2501.00001", "title": "T", "summary": "S", "upvotes": 1, "submittedOnDailyAt": "2025-01-10T00:00:00.000Z"}, "title": "T"}]}"#
        let (summary, store, _) = try await importing(json)
        #expect(summary.counts.inserted == 1)
        #expect(try await store.paper(id: "2501.00001")?.featuredOn?.description == "2025-01-10")
    }

    @Test func aSourceNullNeverErasesStoredData() async throws {
        let withRepo = #"{"arxivId": "2501.00002", "title": "T", "dailyDate": "2025-01-10", "githubRepo": "https://github.com/a/b", "upvotes": 4}"#
        let withoutRepo = #"{"arxivId": "2501.00002", "title": "T", "dailyDate": "2025-01-10", "githubRepo": null, "upvotes": 4}"#
        let temporary = try await TemporaryDatabase()
        let importer = Importer(store: temporary.store)
        _ = try await importer.run(files: [try temporaryFile(withRepo)], now: now)
        let second = try await importer.run(files: [try temporaryFile(withoutRepo)], now: now)
        #expect(second.counts.unchanged == 1)
        #expect(try await temporary.store.paper(id: "2501.00002")?.githubRepo == "https://github.com/a/b")
    }
}
