import PapersCore

/// The member's saved and upvoted papers in the embedding space: their vectors, grouped into interest clusters,
/// each candidate scored by its closest cluster.
struct HistoryMeaning {
    private let papers: [ForYouProfile.HistoryPaper]
    private let vectors: [[Float]]
    private let clusters: InterestClusters
    private let meaning: any PaperMeaning

    init(_ history: [ForYouProfile.HistoryPaper], meaning: any PaperMeaning, clusters: Int) {
        let embedded = history.compactMap { paper in meaning.vector(of: paper.id).map { (paper, InterestClusters.normalizedMean([$0])) } }
        papers = embedded.map(\.0)
        vectors = embedded.map(\.1)
        self.clusters = InterestClusters(vectors, maximum: clusters)
        self.meaning = meaning
    }

    /// For each of `ids` (by position) with a vector: its largest cosine to a cluster, and which cluster.
    func closeness(of ids: [String]) -> [(cosine: Float, cluster: Int)?] {
        var best = [(cosine: Float, cluster: Int)?](repeating: nil, count: ids.count)
        for (cluster, cosines) in meaning.similarities(of: ids, toEach: clusters.centroids).enumerated() {
            for (position, cosine) in cosines.enumerated() where !cosine.isNaN && cosine > best[position]?.cosine ?? -2 {
                best[position] = (cosine, cluster)
            }
        }
        return best
    }

    /// The reason for a pick close to `cluster`: the paper of that cluster nearest to it.
    func nearest(to paperId: String, in cluster: Int) -> ForYouReason {
        let group = clusters.members[cluster]
        let vector = meaning.vector(of: paperId).map { InterestClusters.normalizedMean([$0]) } ?? []
        let best = group.max { InterestClusters.dot(vectors[$0], vector) < InterestClusters.dot(vectors[$1], vector) } ?? group[0]
        return .like(paperId: papers[best].id, title: papers[best].title, saved: papers[best].saved)
    }
}
