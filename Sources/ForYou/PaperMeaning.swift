import Search

/// What the ranking needs of the embeddings: stored vectors, similarities to a query vector, and a text embedded
/// like a query. `SemanticIndex` provides it; a site without the model ranks by follows alone.
public protocol PaperMeaning: Sendable {
    func vector(of paperId: String) -> [Float]?
    /// The cosine to `query` of each paper of `paperIds` that has a vector.
    func similarities(of paperIds: [String], to query: [Float]) -> [String: Float]
    func embed(_ text: String) -> [Float]
}

extension SemanticIndex: PaperMeaning {
    public func vector(of paperId: String) -> [Float]? {
        vectors.vector(of: paperId)
    }

    public func similarities(of paperIds: [String], to query: [Float]) -> [String: Float] {
        vectors.similarities(of: paperIds, to: query)
    }

    public func embed(_ text: String) -> [Float] {
        embedQuery(text, splitOverCores: false)
    }
}
