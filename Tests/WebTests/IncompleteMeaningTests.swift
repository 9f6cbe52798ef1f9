import Community
import Foundation
import PapersCore
import Search
import TestSupport
import Testing

@testable import Web

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
