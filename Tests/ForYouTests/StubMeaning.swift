import ForYou

/// Vectors given by the test: each paper a direction, a topic embedded as the vector the test names for it.
struct StubMeaning: PaperMeaning {
    let vectors: [String: [Float]]
    var topics: [String: [Float]] = [:]

    func vector(of paperId: String) -> [Float]? { vectors[paperId] }

    func similarities(of paperIds: [String], toEach queries: [[Float]]) -> [[Float]] {
        queries.map { query in
            paperIds.map { id in vectors[id].map { zip($0, query).reduce(0) { $0 + $1.0 * $1.1 } } ?? .nan }
        }
    }

    func embed(_ text: String) -> [Float] { topics[text] ?? [0, 0, 0, 0] }

    /// A unit vector mostly along `axis`, a little along the next one (so no two papers are identical).
    static func along(_ axis: Int, tilt: Float = 0) -> [Float] {
        var vector: [Float] = [0, 0, 0, 0]
        vector[axis] = 1
        vector[(axis + 1) % 4] = tilt
        let norm = vector.reduce(0) { $0 + $1 * $1 }.squareRoot()
        return vector.map { $0 / norm }
    }
}
