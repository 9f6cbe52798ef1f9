/// A paper found by meaning, with its cosine similarity to the query (1 is identical).
public struct VectorHit: Sendable, Equatable {
    public let paperId: String
    public let similarity: Float

    public init(paperId: String, similarity: Float) {
        self.paperId = paperId
        self.similarity = similarity
    }
}
