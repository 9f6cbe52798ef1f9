import Foundation

/// The published trending formula: upvotes with time decay.
///
/// `score = (upvotes + 1) / (ageHours + 2) ^ 1.5`, where `ageHours` is the time since the paper was
/// submitted to the feed (its featured day at 00:00 UTC when no submission time is known), measured
/// from the reference time. Papers featured within the last `windowDays` days take part.
public enum Trending {
    /// The decay exponent: higher values let new papers overtake older ones sooner.
    public static let gravity = 1.5
    /// How many days of featured papers compete for the trending list.
    public static let windowDays = 30
    /// At most this many featured papers of a window are ranked (far more than any window has).
    public static let candidateLimit = 100_000
    /// The formula as shown to users.
    public static let formulaDescription = "score = (upvotes + 1) / (hours since featured + 2)^1.5"

    /// The trending score of `paper` at `now`.
    public static func score(of paper: Paper, at now: Timestamp) -> Double {
        guard let featuredAt = featuredTime(of: paper) else { return 0 }
        let ageHours = max(0, (now.secondsSinceEpoch - featuredAt.secondsSinceEpoch) / 3600)
        return Double(paper.upvotes + 1) / pow(ageHours + 2, gravity)
    }

    /// `papers` ordered by score, highest first; ties keep the higher upvote count, then the id.
    public static func rank(_ papers: [Paper], at now: Timestamp) -> [Paper] {
        papers
            .map { (paper: $0, score: score(of: $0, at: now)) }
            .sorted { lhs, rhs in
                if lhs.score != rhs.score { return lhs.score > rhs.score }
                if lhs.paper.upvotes != rhs.paper.upvotes { return lhs.paper.upvotes > rhs.paper.upvotes }
                return lhs.paper.id < rhs.paper.id
            }
            .map(\.paper)
    }

    /// When the paper entered the feed: its submission time, else its featured day, else its publication time.
    public static func featuredTime(of paper: Paper) -> Timestamp? {
        paper.submittedAt ?? paper.featuredOn.map { Timestamp(day: $0) } ?? paper.publishedAt
    }

    /// The instant trending is computed at: `now`, or the end of the newest featured day when the store is older
    /// than the trending window (an archive or a quiet instance still shows its trend).
    public static func referenceTime(now: Timestamp, latestFeaturedDay: Day?) -> Timestamp {
        guard let latest = latestFeaturedDay else { return now }
        let endOfLatest = Timestamp(day: latest.adding(days: 1))
        return min(now, endOfLatest)
    }
}
