import PapersCore

extension PaperSearch {
    /// The papers among `ids` (a reading list) that match `query`, best first. Words are ranked over the whole index
    /// (so their weights are the corpus's) and kept to `ids`; meaning is scored for each of `ids`, however far down
    /// the whole catalogue's ranking it would be. Filters (`author:`, `org:`, excluded words) apply as in search.
    public func rank(_ query: KeywordQuery, within ids: Set<String>, mode: SearchMode) async throws -> [HybridRanker.Ranked] {
        guard !query.isEmpty, !ids.isEmpty else { return [] }
        let narrowed = narrow(query)
        let wordsRank = mode != .semantic || !query.hasWords || semantic == nil
        let keyword = wordsRank ? try await everyKeywordHit(narrowed, within: ids) : []
        guard let semantic, mode != .keyword, query.hasWords else {
            return keyword.map { .init(paperId: $0.paperId, score: $0.score, keywordScore: $0.score, similarity: nil) }
        }
        let meaning = query.meaningText
        var similarities = await compute { crowded in
            let vector = semantic.embedQuery(meaning, splitOverCores: !crowded)
            return semantic.vectors.similarities(of: Array(ids), to: vector).filter { $0.value >= Self.minimumSimilarity }
        }
        if query.hasFilters || !query.excluded.isEmpty || !query.phrases.isEmpty {
            let matching =
                query.phrases.isEmpty ? try await store.ids(Array(similarities.keys), passingFiltersOf: query) : Set(keyword.map(\.paperId))
            similarities = similarities.filter { matching.contains($0.key) }
        }
        if mode == .semantic {
            return similarities.map { .init(paperId: $0.key, score: Double($0.value), keywordScore: nil, similarity: $0.value) }
                .sorted { $0.score != $1.score ? $0.score > $1.score : $0.paperId < $1.paperId }
        }
        return HybridRanker.fuse(
            keyword: keyword.map { ($0.paperId, $0.score) }, similarities: similarities, keywordWeight: HybridRanker.keywordWeight(for: query))
    }

    /// Every paper among `ids` the words match, best first: the in-memory index when it can answer, else SQL.
    private func everyKeywordHit(_ query: KeywordQuery, within ids: Set<String>) async throws -> [KeywordHit] {
        if let keywords, keywords.isReady, let hits = keywords.search(query, within: ids) { return hits }
        return try await store.keywordSearch(query, limit: Self.withinCandidates).filter { ids.contains($0.paperId) }
    }

    /// How many matches SQL returns for a search within a list, when the in-memory index cannot answer: as many
    /// as a reading list may hold.
    static let withinCandidates = 50_000
}
