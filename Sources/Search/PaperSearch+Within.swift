import PapersCore

extension PaperSearch {
    /// The papers among `candidates` (a reading list) that match `query`, best first. Words are ranked with the
    /// whole index's weights and kept to the list; meaning is scored for each of the list's papers, however far
    /// down the whole catalogue's ranking it would be. Filters (`author:`, `org:`, excluded words) apply as in
    /// search. The query is encoded while `candidates` reads the list: the encoder and the database work side by side.
    public func rank(
        _ query: KeywordQuery, mode: SearchMode, within candidates: @Sendable () async throws -> Set<String>
    ) async throws -> [HybridRanker.Ranked] {
        guard !query.isEmpty else { return [] }
        let meaningRanks = semantic != nil && mode != .keyword && query.hasWords
        async let encoded = meaningRanks ? encode(query.meaningText) : nil
        let ids = try await candidates()
        guard !ids.isEmpty else { return [] }
        let narrowed = narrow(query)
        let wordsRank = mode != .semantic || !query.hasWords || semantic == nil
        let keyword = wordsRank ? try await everyKeywordHit(narrowed, within: ids) : []
        guard let semantic, let vector = await encoded else {
            return keyword.map { .init(paperId: $0.paperId, score: $0.score, keywordScore: $0.score, similarity: nil) }
        }
        var similarities = semantic.vectors.similarities(of: ids, to: vector, atLeast: Self.minimumSimilarity)
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

    private func encode(_ text: String) async -> [Float]? {
        guard let semantic else { return nil }
        return await compute { crowded in semantic.embedQuery(text, splitOverCores: !crowded) }
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
