/// A member's interests as a few directions in the embedding space: their papers grouped by spherical k-means, each
/// group's mean vector (normalized) standing for it. Eight groups score a week of candidates with eight scans where
/// one per saved paper would take hundreds, and keep a member who reads two fields from being averaged into neither.
public struct InterestClusters: Sendable {
    /// Each group's unit mean vector and the positions (in the vectors given) of its papers.
    public let centroids: [[Float]]
    public let members: [[Int]]

    /// Groups `vectors` (unit vectors, most recent first) into at most `maximum` clusters.
    public init(_ vectors: [[Float]], maximum: Int, iterations: Int = 6) {
        guard !vectors.isEmpty, maximum > 0 else {
            (centroids, members) = ([], [])
            return
        }
        var centroids = Self.seeds(vectors, count: min(maximum, vectors.count))
        var members: [[Int]] = []
        for _ in 0..<iterations {
            members = Self.assign(vectors, to: centroids)
            centroids = zip(members, centroids).map { group, old in group.isEmpty ? old : Self.normalizedMean(group.map { vectors[$0] }) }
        }
        let kept = members.indices.filter { !members[$0].isEmpty }
        self.centroids = kept.map { centroids[$0] }
        self.members = kept.map { members[$0] }
    }

    /// Farthest-point seeds: the most recent paper, then each time the paper least like any seed so far, so that a
    /// small second interest gets a cluster of its own. Deterministic: the same history ranks the same way.
    private static func seeds(_ vectors: [[Float]], count: Int) -> [[Float]] {
        var seeds = [vectors[0]]
        var closest = vectors.map { dot($0, vectors[0]) }
        while seeds.count < count {
            guard let next = closest.indices.min(by: { closest[$0] < closest[$1] }) else { break }
            seeds.append(vectors[next])
            for index in vectors.indices { closest[index] = max(closest[index], dot(vectors[index], vectors[next])) }
        }
        return seeds
    }

    private static func assign(_ vectors: [[Float]], to centroids: [[Float]]) -> [[Int]] {
        var groups = [[Int]](repeating: [], count: centroids.count)
        for (index, vector) in vectors.enumerated() {
            let best = centroids.indices.max { dot(vector, centroids[$0]) < dot(vector, centroids[$1]) } ?? 0
            groups[best].append(index)
        }
        return groups
    }

    static func normalizedMean(_ vectors: [[Float]]) -> [Float] {
        guard let first = vectors.first else { return [] }
        var sum = [Float](repeating: 0, count: first.count)
        for vector in vectors { for index in sum.indices where index < vector.count { sum[index] += vector[index] } }
        let norm = sum.reduce(0) { $0 + $1 * $1 }.squareRoot()
        return norm > 0 ? sum.map { $0 / norm } : sum
    }

    static func dot(_ left: [Float], _ right: [Float]) -> Float {
        var total: Float = 0
        for index in 0..<min(left.count, right.count) { total += left[index] * right[index] }
        return total
    }
}
