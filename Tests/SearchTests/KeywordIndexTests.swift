import Foundation
import Ingestion
import PapersCore
import Search
import Storage
import TestSupport
import Testing

/// The in-memory keyword index: agreement with SQL's BM25, hyphenated words, what it answers and leaves to SQL, exact pruning, and
/// following the change log on both engines.
@Suite struct KeywordIndexTests {
    let now = Timestamp(iso: "2026-08-21T21:00:00Z") ?? Timestamp(millisecondsSinceEpoch: 0)

    func paper(_ id: String, title: String, abstract: String, organization: Organization? = nil) -> PaperUpdate {
        var paper = SamplePapers.paper(id, title: title, organization: organization)
        paper.abstract = abstract
        return SamplePapers.update(paper)
    }

    func ids(_ index: KeywordIndex, _ text: String, prefix: Bool = false) -> [String]? {
        index.search(KeywordQuery(text, prefixLastWord: prefix), limit: 10)?.map(\.paperId)
    }

    /// The bundled sample in a SQLite file, and an index filled from it.
    func withSample(_ body: (SQLPaperStore, KeywordIndex) async throws -> Void) async throws {
        try await TemporaryDatabase.with { temporary in
            let store = SQLPaperStore(database: temporary.database)
            _ = try await Importer(store: store).run(files: [SharedData.bundledSample], now: now)
            try await store.catchUpSearchIndex()
            let updater = KeywordIndexUpdater(index: KeywordIndex(), store: store)
            try await updater.catchUp()
            try await body(store, updater.index)
        }
    }

    /// SQL answers phrases and filters with FTS5's BM25, the index plain words with the same fields and weights but
    /// Lucene's IDF and whole hyphenated words: the two find nearly the same papers, and the index's scores rise
    /// with every word a paper holds.
    @Test func findsWhatSQLFindsOnTheSample() async throws {
        try await withSample { store, index in
            let papers = try await store.changeLog.searchablePapers(after: nil, limit: 1_000)
            #expect(index.count == papers.count)
            var overlaps: [Double] = []
            for paper in papers.prefix(60) {
                let words = WordSplitter.words(of: paper.title).filter { $0.count > 4 }.prefix(3).joined(separator: " ")
                guard !words.isEmpty else { continue }
                let query = KeywordQuery(words)
                let sql = try await store.keywordSearch(query, limit: 10)
                let ours = try #require(index.search(query, limit: 10))
                overlaps.append(Double(Set(sql.map(\.paperId)).intersection(ours.map(\.paperId)).count) / Double(max(1, sql.count)))
                #expect(ours.map(\.score) == ours.map(\.score).sorted(by: >) && ours.allSatisfy { $0.score > 0 }, "\(words)")
            }
            #expect(overlaps.count > 40)
            #expect(overlaps.reduce(0, +) / Double(overlaps.count) > 0.85)
        }
    }

    @Test func aHyphenatedWordCountsWholeAndCommonWordsStillCount() async throws {
        let index = KeywordIndex()
        let papers = [
            SearchablePaper(paperId: "whole", title: "Few-shot prompting", abstract: "Prompts for language models.", authors: [], organization: []),
            SearchablePaper(
                paperId: "apart", title: "Few prompts, one shot", abstract: "Prompts for language models.", authors: [], organization: []),
            SearchablePaper(paperId: "other", title: "Speech recognition", abstract: "Audio for language models.", authors: [], organization: []),
        ]
        await index.apply(upserting: papers, removing: [])
        await index.finishFilling()
        #expect(ids(index, "few-shot prompting") == ["whole", "apart"], "the whole word ranks first; its parts still match")
        #expect(ids(index, "fewshot") == ["whole"], "written without its hyphen, the word still finds it")
        let common = try #require(index.search(KeywordQuery("language"), limit: 10))
        #expect(common.count == 3 && common.allSatisfy { $0.score > 0 }, "a word every paper holds still scores")
    }

    @Test func pruningKeepsTheExactTopK() async throws {
        try await withSample { _, index in
            for text in ["learning model", "language models reasoning benchmark", "video diffusion generation", "robot policy data", "the model"] {
                let all = try #require(index.search(KeywordQuery(text), limit: 100_000))
                let top = try #require(index.search(KeywordQuery(text), limit: 10))
                #expect(top.map(\.score) == Array(all.prefix(10)).map(\.score), "\(text)")
                #expect(top.count == min(10, all.count))
            }
        }
    }

    @Test func answersWordsPrefixesAndExclusionsAndLeavesTheRestToSQL() async throws {
        try await TemporaryDatabase.with { temporary in
            let store = SQLPaperStore(database: temporary.database)
            _ = try await store.apply(
                [
                    paper("2608.00001", title: "Sparse attention for long documents", abstract: "We study transformers on books."),
                    paper("2608.00002", title: "A survey of robotics", abstract: "Attention is paid to sparse rewards in grasping."),
                    paper("2608.00003", title: "Protein folding", abstract: "Structures of enzymes and naïve models."),
                ], at: now)
            let index = KeywordIndex()
            #expect(ids(index, "attention") == nil, "not filled yet: SQL answers")
            try await KeywordIndexUpdater(index: index, store: store).catchUp()
            #expect(ids(index, "sparse attention") == ["2608.00001", "2608.00002"])
            #expect(ids(index, "Documents") == ["2608.00001"], "stemmed and case-folded")
            #expect(ids(index, "naive") == ["2608.00003"], "accents folded")
            #expect(ids(index, "attention -robotics") == ["2608.00001"])
            #expect(ids(index, "robot", prefix: true) == ["2608.00002"])
            #expect(ids(index, "quasar") == [])
            #expect(ids(index, "\"sparse attention\"") == nil, "phrases go to SQL")
            #expect(ids(index, "attention after:2025-01-01") == nil, "filters go to SQL")
            #expect(ids(index, "the of") == nil, "stop words alone go to SQL")
            #expect(ids(index, "-robotics") == nil, "exclusions alone are listed by SQL, newest first")
        }
    }

    @Test(arguments: TestEngine.allCases) func followsTheChangeLog(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database async throws in
            let store = SQLPaperStore(database: database)
            var first = paper("2608.00001", title: "Sparse attention", abstract: "Transformers on books.")
            _ = try await store.apply([first], at: now)
            let updater = KeywordIndexUpdater(index: KeywordIndex(), store: store)
            try await updater.catchUp()
            let index = updater.index
            #expect(ids(index, "books") == ["2608.00001"])
            _ = try await store.apply([paper("2608.00002", title: "Galaxy surveys", abstract: "Dark matter maps.")], at: now)
            first.paper.abstract = "Transformers on proteins."
            _ = try await store.apply([first], at: now)
            #expect(try await updater.catchUp() == 2)
            #expect(ids(index, "galaxy") == ["2608.00002"])
            #expect(ids(index, "books") == [], "the old abstract's words are gone")
            #expect(ids(index, "proteins") == ["2608.00001"])
            let community = CommunityStores(database: database)
            try await community.moderation.hidePaper(id: "2608.00002", reason: .spam, moderator: "mod", at: now)
            try await updater.catchUp()
            #expect(ids(index, "galaxy") == [])
            try await community.moderation.showPaper(id: "2608.00002", moderator: "mod", at: now)
            try await updater.catchUp()
            #expect(ids(index, "galaxy") == ["2608.00002"])
            #expect(index.count == 2)
            #expect(try await updater.catchUp() == 0, "nothing new")
        }
    }

    @Test func theCursorAsksAgainForSkippedNumbers() {
        let start = ContinuousClock.now
        var cursor = PaperChangeCursor(after: 10)
        cursor.advance(over: [PaperChange(seq: 11, paperId: "a"), PaperChange(seq: 14, paperId: "b")], at: start)
        #expect(cursor.highest == 14)
        #expect(cursor.openGaps == [12, 13])
        cursor.advance(over: [PaperChange(seq: 13, paperId: "c")], at: start + .seconds(1))
        #expect(cursor.openGaps == [12])
        cursor.advance(over: [], at: start + PaperChangeCursor.patience + .seconds(1))
        #expect(cursor.openGaps == [], "a number never committed is given up")
    }
}

/// How much a query's words count against its meaning, by what the query is.
@Suite struct QueryKindTests {
    @Test func keywordsStatementsAndQuestionsAreToldApart() {
        #expect(HybridRanker.QueryKind(KeywordQuery("ConvLLaVA hierarchical backbones visual encoder large multimodal models")) == .keywords)
        #expect(HybridRanker.QueryKind(KeywordQuery("diffusion")) == .keywords)
        let summary =
            "A hierarchical backbone replaces the vision transformer as the visual encoder of a multimodal model and compresses high-resolution images into fewer tokens."
        #expect(HybridRanker.QueryKind(KeywordQuery(summary)) == .statement)
        #expect(
            HybridRanker.QueryKind(
                KeywordQuery("what similarity laws must be obeyed when constructing aeroelastic models of heated high speed aircraft")) == .question)
        #expect(
            HybridRanker.QueryKind(KeywordQuery("papers on flow visualization on slender conical wings")) == .question,
            "a short request asks like a question")
        #expect(
            HybridRanker.keywordWeight(for: KeywordQuery(summary))
                > HybridRanker.keywordWeight(for: KeywordQuery("how do shock waves interact with sound")))
    }
}
