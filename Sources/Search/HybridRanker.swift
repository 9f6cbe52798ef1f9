import PapersCore

/// Merges keyword and semantic results into one ranking.
///
/// A convex combination of normalised scores, which keeps what each side knows about *how much* better a paper is
/// (reciprocal-rank fusion keeps only the order, and loses to BM25 alone on short keyword queries):
/// `score = w · bm25 / best bm25 + (1 − w) · (cos − lowest cos) / (highest cos − lowest cos)`, the cosines taken over
/// every candidate, whichever side found it. The keyword weight `w` follows what the query is (`QueryKind`): high for
/// keywords and for statements of what a paper does, which share the paper's own rare terms, low for questions.
/// Weights are measured on real papers searched both ways and on Cranfield (docs/search.md).
public enum HybridRanker {
    /// A fused result: the paper, its combined score and the parts it was made of.
    public struct Ranked: Sendable, Equatable {
        public let paperId: String
        public let score: Double
        public let keywordScore: Double?
        public let similarity: Float?
    }

    /// What a query is, which decides how much its words count against its meaning.
    public enum QueryKind: Equatable, Sendable {
        /// Words with hardly any stop words ("diffusion video editing", four keywords as people type them): they
        /// are the paper's own words, so BM25 leads.
        case keywords
        /// A statement of what a paper does (a one-sentence summary, a pasted abstract): it too shares the paper's
        /// rare terms, and meaning only breaks near-ties.
        case statement
        /// A question or a short request ("what problems of heat conduction … have been solved", "papers on shock
        /// waves"): it names a need in other words than the answer uses, so meaning weighs most.
        case question

        /// Statements of what a paper does run to a sentence or more (Hugging Face's summaries: 16 words and up); a
        /// shorter phrase with stop words ("papers on flow visualization on slender wings") asks like a question.
        static let statementLength = 15

        static let questionWords: Set<String> = [
            "what", "how", "why", "which", "who", "whom", "where", "when", "can", "could", "does", "do", "did", "is", "are",
            "was", "were", "has", "have", "should", "would", "will", "may", "might", "must",
        ]

        public init(_ query: KeywordQuery) {
            let words = WordSplitter.words(of: query.meaningText)
            let stopWords = words.filter { StopWords.english.contains($0) }.count
            if words.count < 3 || Double(stopWords) < 0.15 * Double(words.count) {
                self = .keywords
            } else if words.count < Self.statementLength || query.meaningText.contains("?") || words.first.map(Self.questionWords.contains) == true {
                self = .question
            } else {
                self = .statement
            }
        }
    }

    /// The weight of the keyword side for a query, measured on real papers and on Cranfield (docs/search.md).
    public static func keywordWeight(for query: KeywordQuery) -> Double {
        switch QueryKind(query) {
            case .keywords: 0.8
            case .statement: 0.95
            case .question: 0.35
        }
    }

    /// Fuses `keyword` (BM25-like scores, higher is better) and `similarities` (cosine per candidate; a candidate
    /// with no vector counts as the lowest).
    public static func fuse(keyword: [(paperId: String, score: Double)], similarities: [String: Float], keywordWeight: Double) -> [Ranked] {
        let bestKeyword = keyword.map(\.score).max() ?? 0
        let keywordScores = Dictionary(keyword.map { ($0.paperId, $0.score) }, uniquingKeysWith: max)
        let (lowest, highest) = similarities.values.reduce((Float.infinity, -Float.infinity)) { (min($0.0, $1), max($0.1, $1)) }
        let span = Double(highest - lowest)
        func ranked(_ paperId: String, _ keywordScore: Double?, _ similarity: Float?) -> Ranked {
            let lexical = keywordScore.map { bestKeyword > 0 ? $0 / bestKeyword : 0 } ?? 0
            let semantic = similarity.map { span > 0 ? Double($0 - lowest) / span : 1 } ?? 0
            return Ranked(
                paperId: paperId, score: keywordWeight * lexical + (1 - keywordWeight) * semantic, keywordScore: keywordScore, similarity: similarity)
        }
        var fused: [Ranked] = []
        fused.reserveCapacity(keywordScores.count + similarities.count)
        for (paperId, score) in keywordScores { fused.append(ranked(paperId, score, similarities[paperId])) }
        for (paperId, similarity) in similarities where keywordScores[paperId] == nil { fused.append(ranked(paperId, nil, similarity)) }
        return fused.sorted { $0.score != $1.score ? $0.score > $1.score : $0.paperId < $1.paperId }
    }
}
