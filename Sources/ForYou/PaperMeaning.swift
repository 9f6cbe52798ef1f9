import Search

/// What the ranking needs of the embeddings: stored vectors, similarities to a query vector, and a text embedded
/// like a query. `SemanticIndex` provides it; a site without the model ranks by follows alone.
public protocol PaperMeaning: Sendable {
    func vector(of paperId: String) -> [Float]?
    /// The cosine of each of `paperIds` to each of `queries`: one array per query in the order of `paperIds`, NaN
    /// where a paper has no vector.
    func similarities(of paperIds: [String], toEach queries: [[Float]]) -> [[Float]]
    func embed(_ text: String) -> [Float]
}

extension SemanticIndex: PaperMeaning {
    public func vector(of paperId: String) -> [Float]? {
        vectors.vector(of: paperId)
    }

    public func similarities(of paperIds: [String], toEach queries: [[Float]]) -> [[Float]] {
        vectors.similarities(of: paperIds, toEach: queries)
    }

    public func embed(_ text: String) -> [Float] {
        embedQuery(text, splitOverCores: false)
    }
}
