import PapersCore
import Storage

/// How results are found: by words, by meaning, or both fused (the default).
public enum SearchMode: String, Sendable, CaseIterable {
    case hybrid, keyword, semantic
}

/// How results are ordered.
public enum SearchSort: String, Sendable, CaseIterable {
    case relevance, date, upvotes
}

/// One search: the text as typed, how to find and order, and which page.
public struct SearchRequest: Sendable {
    public var text: String
    public var mode: SearchMode
    public var sort: SearchSort
    public var limit: Int
    public var offset: Int
    /// Match the last word as a prefix (search as you type).
    public var prefixLastWord: Bool

    public init(
        text: String, mode: SearchMode = .hybrid, sort: SearchSort = .relevance, limit: Int = 20, offset: Int = 0, prefixLastWord: Bool = false
    ) {
        self.text = text
        self.mode = mode
        self.sort = sort
        self.limit = limit
        self.offset = offset
        self.prefixLastWord = prefixLastWord
    }
}

/// How a long query was read: by how many of its words, and whether the model read all of it.
public struct QueryShortening: Sendable, Equatable {
    /// The words ranked by (its most informative) and the distinct words typed.
    public let wordsRanked: Int
    public let wordsTyped: Int
    /// False when the text is longer than the 256 tokens the model reads.
    public let meaningReadWhole: Bool
}

/// A page of results, how many there are in all, and the mode that produced them (keyword when no model is loaded).
public struct SearchResults: Sendable {
    /// The query as ranked by words (a long one narrowed to its most informative words), for highlighting.
    public let query: KeywordQuery
    public let papers: [(paper: Paper, result: HybridRanker.Ranked)]
    public let total: Int
    public let mode: SearchMode
    /// Set when the query was too long to be read whole.
    public let shortening: QueryShortening?
    /// Set when search by meaning has not read enough of the papers yet: a hybrid search then ranked by words.
    public var incompleteMeaning: IndexCoverage? = nil
}

/// Search over papers by keywords, by meaning, or both; and papers similar to a paper.
public struct PaperSearch: Sendable {
    /// How many candidates each side contributes before fusion, sorting and paging.
    public static let candidates = 200
    /// Papers found only by meaning must be at least this similar to the query.
    public static let minimumSimilarity: Float = 0.2

    public let store: SQLPaperStore
    /// Nil when the embedding model is not installed: searches then run on keywords only.
    public let semantic: SemanticIndex?
    /// The in-memory keyword index, when this process keeps one; SQL answers what it cannot (and until it is filled).
    public let keywords: KeywordIndex?
    /// Where the CPU-heavy part of a search runs when the site serves (nil: on the caller, as commands and tests do).
    public let workers: SearchWorkers?

    public init(store: SQLPaperStore, semantic: SemanticIndex?, keywords: KeywordIndex? = nil, workers: SearchWorkers? = nil) {
        self.store = store
        self.semantic = semantic
        self.keywords = keywords
        self.workers = workers
    }

    /// The results of `request`; with workers, refused at once (503) when every search place is taken.
    public func search(_ request: SearchRequest) async throws -> SearchResults {
        guard let workers else { return try await searchAdmitted(request) }
        return try await workers.admitted { try await searchAdmitted(request) }
    }

    private func searchAdmitted(_ request: SearchRequest) async throws -> SearchResults {
        let query = KeywordQuery(request.text, prefixLastWord: request.prefixLastWord)
        let coverage = semantic?.coverage
        let incomplete = coverage.flatMap { $0.isComplete ? nil : $0 }
        // Ranking by the few papers embedded so far would bury the rest: words alone rank until meaning catches up.
        let mode: SearchMode = semantic == nil || (incomplete != nil && request.mode == .hybrid) ? .keyword : request.mode
        let narrowed = narrow(query)
        let ranked = try await rank(query, narrowed: narrowed, mode: mode)
        let ordered = try await order(ranked, by: request.sort, limit: request.limit, offset: request.offset)
        let readWhole = mode == .keyword ? true : semantic?.readsWhole(query.meaningText) ?? true
        let shortening =
            narrowed.terms.count < query.terms.count || !readWhole
            ? QueryShortening(wordsRanked: narrowed.terms.count, wordsTyped: query.terms.count, meaningReadWhole: readWhole) : nil
        var results = SearchResults(query: narrowed, papers: ordered, total: ranked.count, mode: mode, shortening: shortening)
        results.incompleteMeaning = request.mode == .keyword ? nil : incomplete
        return results
    }

    /// A long query's most informative words, by how few papers hold each (in typed order without the index).
    func narrow(_ query: KeywordQuery) -> KeywordQuery {
        guard let keywords, keywords.isReady else { return query.narrowed { _ in 1 } }
        return query.narrowed(documentFrequency: keywords.documentFrequency)
    }

    /// Every candidate, best first by relevance.
    public func rank(_ query: KeywordQuery, mode: SearchMode) async throws -> [HybridRanker.Ranked] {
        try await rank(query, narrowed: narrow(query), mode: mode)
    }

    /// Words rank by `narrowed`, the query's most informative ones; meaning reads the text as typed (its first
    /// 256 tokens).
    private func rank(_ query: KeywordQuery, narrowed: KeywordQuery, mode: SearchMode) async throws -> [HybridRanker.Ranked] {
        guard !query.isEmpty else { return [] }
        let keyword = mode == .semantic && query.hasWords ? [] : try await keywordHits(narrowed)
        guard let semantic, mode != .keyword, query.hasWords else {
            return keyword.map { .init(paperId: $0.paperId, score: $0.score, keywordScore: $0.score, similarity: nil) }
        }
        // Phrases are a demand for those exact words: meaning then only reorders what the words found.
        let (vector, nearest) = await compute { crowded in
            let vector = semantic.embedQuery(query.meaningText, splitOverCores: !crowded)
            let nearest = query.phrases.isEmpty ? semantic.vectors.nearest(to: vector, count: Self.candidates) : []
            return (vector, nearest.filter { $0.similarity >= Self.minimumSimilarity })
        }
        var similarities: [String: Float] = [:]
        if query.phrases.isEmpty {
            let passing =
                query.hasFilters || !query.excluded.isEmpty
                ? try await store.ids(nearest.map(\.paperId), passingFiltersOf: query) : nil
            for hit in nearest where passing?.contains(hit.paperId) ?? true { similarities[hit.paperId] = hit.similarity }
        }
        let unscored = keyword.lazy.map(\.paperId).filter { similarities[$0] == nil }
        similarities.merge(semantic.vectors.similarities(of: Array(unscored), to: vector)) { found, _ in found }
        if mode == .semantic {
            return similarities.map { .init(paperId: $0.key, score: Double($0.value), keywordScore: nil, similarity: $0.value) }
                .sorted { $0.score != $1.score ? $0.score > $1.score : $0.paperId < $1.paperId }
        }
        return hybrid(keyword.map { ($0.paperId, $0.score) }, similarities: similarities, query: query, vector: vector, semantic: semantic)
    }

    /// Words and meaning fused, then fused again with meaning read from the query moved toward the first ranking's
    /// best papers (`MeaningFeedback`). Results keep their similarity to the query as typed, which pages show.
    private func hybrid(
        _ keyword: [(paperId: String, score: Double)], similarities: [String: Float], query: KeywordQuery, vector: [Float], semantic: SemanticIndex
    ) -> [HybridRanker.Ranked] {
        let weight = HybridRanker.keywordWeight(for: query)
        let first = HybridRanker.fuse(keyword: keyword, similarities: similarities, keywordWeight: weight)
        let best = first.prefix(MeaningFeedback.papers).compactMap { semantic.vectors.vector(of: $0.paperId) }
        guard let moved = MeaningFeedback.moved(vector, toward: best) else { return first }
        let again = semantic.vectors.similarities(of: similarities.keys, to: moved)
        return HybridRanker.fuse(keyword: keyword, similarities: again, keywordWeight: weight).map {
            .init(paperId: $0.paperId, score: $0.score, keywordScore: $0.keywordScore, similarity: similarities[$0.paperId])
        }
    }

    /// The best keyword candidates: from the in-memory index when it can answer, else from SQL.
    private func keywordHits(_ query: KeywordQuery) async throws -> [KeywordHit] {
        if let keywords, keywords.isReady, let hits = await compute({ _ in keywords.search(query, limit: Self.candidates) }) {
            return hits
        }
        return try await store.keywordSearch(query, limit: Self.candidates)
    }

    /// `body` on a search worker when there are workers, else here. `body` learns whether other searches are waiting
    /// (`crowded`), in which case it keeps to one core.
    func compute<T: Sendable>(_ body: @escaping @Sendable (_ crowded: Bool) -> T) async -> T {
        guard let workers else { return body(false) }
        return await workers.compute { body(workers.load > 1) }
    }

    /// One page of the candidates, with their papers, in the requested order.
    private func order(
        _ ranked: [HybridRanker.Ranked], by sort: SearchSort, limit: Int, offset: Int
    ) async throws -> [(paper: Paper, result: HybridRanker.Ranked)] {
        let byId = Dictionary(ranked.map { ($0.paperId, $0) }, uniquingKeysWith: { first, _ in first })
        switch sort {
            case .relevance:
                let page = Array(ranked.dropFirst(offset).prefix(limit))
                let papers = Dictionary(try await store.papers(ids: page.map(\.paperId)).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
                return page.compactMap { result in papers[result.paperId].map { ($0, result) } }
            case .date, .upvotes:
                let papers = try await store.papers(ids: ranked.map(\.paperId)).sorted { a, b in
                    if sort == .upvotes, a.upvotes != b.upvotes { return a.upvotes > b.upvotes }
                    let dateA = a.publishedAt ?? Timestamp(millisecondsSinceEpoch: 0)
                    let dateB = b.publishedAt ?? Timestamp(millisecondsSinceEpoch: 0)
                    return dateA != dateB ? dateA > dateB : a.id < b.id
                }
                return papers.dropFirst(offset).prefix(limit).compactMap { paper in byId[paper.id].map { (paper, $0) } }
        }
    }

    /// The `count` papers nearest a paper by meaning, with their similarity; empty when it has no vector yet.
    public func similar(to paperId: String, count: Int) async throws -> [(paper: Paper, similarity: Float)] {
        guard let semantic, let vector = semantic.vectors.vector(of: paperId) else { return [] }
        let hits = semantic.vectors.nearest(to: vector, count: count + 5, excluding: [paperId])
        let papers = Dictionary(try await store.papers(ids: hits.map(\.paperId)).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        return Array(hits.compactMap { hit in papers[hit.paperId].map { ($0, hit.similarity) } }.prefix(count))
    }
}
