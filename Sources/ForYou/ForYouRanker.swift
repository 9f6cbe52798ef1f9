import Foundation
import PapersCore

/// Ranks a week's candidates for one member: closeness in meaning to their interest clusters, their follows and
/// topics, a freshness term and a little popularity, minus closeness to what they marked "not interested". Each
/// pick's reason is its largest personal part (or popularity when it has none), so the reason is true of the paper.
public struct ForYouRanker: Sendable {
    public let weights: ForYouWeights
    /// The most papers one ranking keeps: what a member pages through, and a digest picks from.
    public static let maximumPicks = 200

    public init(weights: ForYouWeights = .standard) {
        self.weights = weights
    }

    /// The member's picks, best first. `topics` holds each followed topic's embedding (when the model is loaded).
    public func rank(
        _ pool: CandidatePool, for profile: ForYouProfile, meaning: (any PaperMeaning)?, topics: [String: [Float]], today: Day
    )
        -> [ForYouPick]
    {
        let excluded = Set(profile.history.map(\.id)).union(profile.dismissed)
        let candidates = pool.papers.indices.filter { !excluded.contains(pool.ids[$0]) }
        let ids = candidates.map { pool.ids[$0] }
        let history = meaning.map { HistoryMeaning(profile.history, meaning: $0, clusters: weights.clusters) }
        let closeness = history?.closeness(of: ids) ?? []
        let sinking = meaning.map { dismissedCloseness(profile.dismissed, ids: ids, meaning: $0) } ?? []
        let follows = FollowMatcher(profile: profile, weights: weights)
        let topicScores = TopicMatcher(topics: profile.follows.filter { $0.kind == .topic }, vectors: topics, weights: weights)
            .scores(pool, candidates: candidates, meaning: meaning)
        var scored = candidates.enumerated().map { slot, index in
            var parts =
                follows.parts(pool.papers[index], authors: pool.authorKeys[index], organization: pool.organizationKeys[index]) + topicScores[slot]
            if slot < closeness.count, let (cosine, _) = closeness[slot], cosine > weights.meaningFloor {
                parts.append((weights.meaning * Double(cosine - weights.meaningFloor), .like(paperId: "", title: "", saved: true)))
            }
            return (slot, score(pool, index: index, parts: parts, sinking: slot < sinking.count ? sinking[slot] : 0, today: today))
        }
        scored.sort { ($0.1.score, $1.1.paperId) > ($1.1.score, $0.1.paperId) }
        return scored.prefix(Self.maximumPicks).map { slot, pick in
            guard case .like = pick.reason, let history, slot < closeness.count, let cluster = closeness[slot]?.cluster else { return pick }
            return ForYouPick(
                paperId: pick.paperId, score: pick.score, personalScore: pick.personalScore,
                reason: history.nearest(to: pick.paperId, in: cluster))
        }
    }

    private func score(_ pool: CandidatePool, index: Int, parts: [(Double, ForYouReason)], sinking: Float, today: Day) -> ForYouPick {
        let paper = pool.papers[index]
        let personal = parts.reduce(0) { $0 + $1.0 }
        let age = Double(max(0, today.daysSinceEpoch - paper.day.daysSinceEpoch))
        let fresh = weights.freshness * exp(-age / weights.freshnessDays)
        let popular = pool.mostUpvotes > 0 ? weights.popularity * log1p(Double(paper.upvotes)) / log1p(Double(pool.mostUpvotes)) : 0
        let penalty = weights.dismissed * Double(max(0, sinking - weights.dismissedFloor))
        let reason = parts.max { $0.0 < $1.0 }?.1 ?? .popular(upvotes: paper.upvotes)
        return ForYouPick(paperId: paper.id, score: personal + fresh + popular - penalty, personalScore: personal, reason: reason)
    }

    /// Each candidate's largest cosine (by position) to a paper marked "not interested" (their clusters, at most four).
    private func dismissedCloseness(_ dismissed: [String], ids: [String], meaning: any PaperMeaning) -> [Float] {
        let vectors = dismissed.compactMap(meaning.vector(of:)).map { InterestClusters.normalizedMean([$0]) }
        var closest = [Float](repeating: -1, count: ids.count)
        for cosines in meaning.similarities(of: ids, toEach: InterestClusters(vectors, maximum: 4).centroids) {
            for (position, cosine) in cosines.enumerated() where !cosine.isNaN { closest[position] = max(closest[position], cosine) }
        }
        return closest
    }
}
