import Testing

@testable import PapersCore

@Suite struct TrendingTests {
    let now = Timestamp(day: Day(iso: "2025-11-05") ?? Day(daysSinceEpoch: 0), hour: 12)

    func paper(_ id: String, upvotes: Int, featured: String) -> Paper {
        Paper(id: id, title: id, abstract: "", featuredOn: Day(iso: featured), upvotes: upvotes)
    }

    @Test func scoreFollowsThePublishedFormula() {
        // Featured 2025-11-05 00:00, now 12:00: (10 + 1) / (12 + 2)^1.5
        let score = Trending.score(of: paper("a", upvotes: 10, featured: "2025-11-05"), at: now)
        #expect(abs(score - 11 / (14 * 14.0.squareRoot())) < 1e-12)
    }

    @Test func newerPapersOvertakeOlderOnesWithMoreVotes() {
        let old = paper("old", upvotes: 60, featured: "2025-10-25")
        let fresh = paper("fresh", upvotes: 8, featured: "2025-11-05")
        let middling = paper("mid", upvotes: 20, featured: "2025-11-04")
        #expect(Trending.rank([old, middling, fresh], at: now).map(\.id) == ["fresh", "mid", "old"])
    }

    @Test func tiesFallBackToUpvotesThenId() {
        let a = paper("b", upvotes: 5, featured: "2025-11-05")
        let b = paper("a", upvotes: 5, featured: "2025-11-05")
        #expect(Trending.rank([a, b], at: now).map(\.id) == ["a", "b"])
    }

    @Test func referenceTimeStopsAtTheNewestFeedDay() throws {
        let latest = try #require(Day(iso: "2025-11-03"))
        #expect(Trending.referenceTime(now: now, latestFeaturedDay: latest) == Timestamp(day: latest.adding(days: 1)))
        #expect(Trending.referenceTime(now: now, latestFeaturedDay: try #require(Day(iso: "2025-11-05"))) == now)
        #expect(Trending.referenceTime(now: now, latestFeaturedDay: nil) == now)
    }
}
