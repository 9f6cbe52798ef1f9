/// Merges keyword and semantic results into one ranking.
///
/// A convex combination of normalised scores, which keeps what each side knows about *how much* better a paper is
/// (reciprocal-rank fusion keeps only the order, and loses to BM25 alone on short keyword queries):
/// `score = w · bm25 / best bm25 + (1 − w) · (cos − lowest cos) / (highest cos − lowest cos)`, the cosines taken over
/// every candidate, whichever side found it. The keyword weight `w` grows for short queries, where the user's exact
/// words matter most, and shrinks for questions written in full sentences. Weights are tuned on Cranfield
/// (docs/search.md).
public enum HybridRanker {
    /// A fused result: the paper, its combined score and the parts it was made of.
    public struct Ranked: Sendable, Equatable {
        public let paperId: String
        public let score: Double
        public let keywordScore: Double?
        public let similarity: Float?
    }

    /// The weight of the keyword side for a query of `wordCount` words.
    public static func keywordWeight(wordCount: Int) -> Double {
        switch wordCount {
            case ...2: 0.6
            case 3...5: 0.45
            default: 0.35
        }
    }

    /// Fuses `keyword` (BM25-like scores, higher is better) and `similarities` (cosine per candidate; a candidate
    /// with no vector counts as the lowest).
    public static func fuse(keyword: [(paperId: String, score: Double)], similarities: [String: Float], keywordWeight: Double) -> [Ranked] {
        let bestKeyword = keyword.map(\.score).max() ?? 0
        let keywordScores = Dictionary(keyword.map { ($0.paperId, $0.score) }, uniquingKeysWith: max)
        let lowest = Double(similarities.values.min() ?? 0)
        let highest = Double(similarities.values.max() ?? 0)
        let span = highest - lowest
        var candidates = keyword.map(\.paperId)
        var seen = Set(candidates)
        for paperId in similarities.keys.sorted() where seen.insert(paperId).inserted { candidates.append(paperId) }
        return candidates.map { paperId in
            let lexical = keywordScores[paperId].map { bestKeyword > 0 ? $0 / bestKeyword : 0 } ?? 0
            let similarity = similarities[paperId]
            let semantic = similarity.map { span > 0 ? (Double($0) - lowest) / span : 1 } ?? 0
            return Ranked(
                paperId: paperId, score: keywordWeight * lexical + (1 - keywordWeight) * semantic,
                keywordScore: keywordScores[paperId], similarity: similarity
            )
        }
        .sorted { $0.score != $1.score ? $0.score > $1.score : $0.paperId < $1.paperId }
    }
}
