/// Relevance feedback in the embedding space (Rocchio's, without asking anyone): a hybrid search's first ranking
/// names the papers that words and meaning agree on best, and meaning is read again from the query moved toward them.
///
/// A question rarely uses its answer's words ("what similarity laws must be obeyed …" against "scaling of
/// aeroelastic models"); the papers on top do, so the moved query finds their neighbours that the question alone
/// missed. Only the candidates already found are scored again (a few hundred dot products), so it costs no second
/// scan of the vectors. Measured on Cranfield and on real papers (docs/benchmarks.md).
public enum MeaningFeedback {
    /// How many of the first ranking's best papers the query moves toward.
    public static let papers = 5
    /// How far it moves: the moved query is `query + weight · centroid`, made a unit vector again.
    public static let weight: Float = 1

    /// The query moved toward the centroid of `vectors` (unit vectors of the papers on top); nil without any.
    public static func moved(_ query: [Float], toward vectors: [[Float]]) -> [Float]? {
        guard !vectors.isEmpty, vectors.allSatisfy({ $0.count == query.count }) else { return nil }
        var moved = query
        let share = weight / Float(vectors.count)
        for vector in vectors {
            for index in moved.indices { moved[index] += share * vector[index] }
        }
        let length = moved.reduce(0) { $0 + $1 * $1 }.squareRoot()
        guard length > 0 else { return nil }
        return moved.map { $0 / length }
    }
}
