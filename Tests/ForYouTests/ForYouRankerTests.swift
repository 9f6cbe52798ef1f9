import ForYou
import PapersCore
import Testing

/// The ranking on a hand-made week: every reason is true of its card, the member's own papers and dismissed ones
/// are left out, and papers like a dismissed one sink.
@Suite struct ForYouRankerTests {
    let today = Day(iso: "2026-06-05") ?? Day(daysSinceEpoch: 0)

    func paper(
        _ id: String, authors: [String] = ["Someone Else"], organization: String? = nil, categories: [String] = [], title: String? = nil,
        daysAgo: Int = 0, upvotes: Int = 1
    ) -> RecentPaper {
        RecentPaper(
            id: id, title: title ?? "Paper \(id)", abstract: "An abstract about nothing in particular.", authors: authors, organization: organization,
            organizationFullname: organization?.uppercased(), categories: categories, day: today.adding(days: -daysAgo), featured: true,
            upvotes: upvotes)
    }

    var pool: CandidatePool {
        CandidatePool(
            [
                paper("by-author", authors: ["Grace  Hopper", "X"]), paper("by-org", organization: "nvidia"),
                paper("in-category", categories: ["cs.RO"]), paper("on-topic", title: "Speculative decoding at scale"),
                paper("near-saved"), paper("near-dismissed", upvotes: 60), paper("unrelated", upvotes: 50), paper("saved-one"),
                paper("dismissed-one"),
            ], days: today.adding(days: -6)...today)
    }

    var meaning: StubMeaning {
        StubMeaning(vectors: [
            "saved-one": StubMeaning.along(0), "near-saved": StubMeaning.along(0, tilt: 0.2),
            "dismissed-one": StubMeaning.along(2), "near-dismissed": StubMeaning.along(2, tilt: 0.1),
            "by-author": StubMeaning.along(1), "by-org": StubMeaning.along(1), "in-category": StubMeaning.along(1), "on-topic": StubMeaning.along(3),
            "unrelated": [0, -1, 0, 0],
        ])
    }

    var profile: ForYouProfile {
        ForYouProfile(
            history: [.init(id: "saved-one", title: "The saved one", saved: true), .init(id: "no-vector-yet", title: "Older", saved: false)],
            follows: [
                try! FollowRules.follow(kind: "author", value: "grace hopper"), try! FollowRules.follow(kind: "organization", value: "nvidia"),
                try! FollowRules.follow(kind: "category", value: "cs.RO"), try! FollowRules.follow(kind: "topic", value: "speculative decoding"),
            ],
            dismissed: ["dismissed-one"])
    }

    @Test func everyReasonIsTrueOfItsPaper() {
        let picks = ForYouRanker().rank(pool, for: profile, meaning: meaning, topics: [:], today: today)
        let reasons = Dictionary(uniqueKeysWithValues: picks.map { ($0.paperId, $0.reason) })
        #expect(reasons["by-author"] == .author("Grace  Hopper"))
        #expect(reasons["by-org"] == .organization("NVIDIA"))
        #expect(reasons["in-category"] == .category("cs.RO"))
        #expect(reasons["on-topic"] == .topic("speculative decoding"))
        #expect(reasons["near-saved"] == .like(paperId: "saved-one", title: "The saved one", saved: true))
        #expect(reasons["unrelated"] == .popular(upvotes: 50))
        #expect(reasons["saved-one"] == nil && reasons["dismissed-one"] == nil, "the member's own and dismissed papers are left out")
    }

    @Test func personalPapersComeFirstAndDismissedOnesSink() throws {
        let picks = ForYouRanker().rank(pool, for: profile, meaning: meaning, topics: [:], today: today).map(\.paperId)
        let position = try #require(picks.firstIndex(of: "near-dismissed"))
        #expect(picks.first == "by-author")
        #expect(try #require(picks.firstIndex(of: "near-saved")) < #require(picks.firstIndex(of: "unrelated")))
        #expect(position == picks.count - 1, "a paper like a dismissed one ranks last: \(picks)")
        let withoutDismissal = ForYouProfile(history: profile.history, follows: profile.follows)
        let before = ForYouRanker().rank(pool, for: withoutDismissal, meaning: meaning, topics: [:], today: today).map(\.paperId)
        #expect(try #require(before.firstIndex(of: "near-dismissed")) < position)
    }

    @Test func topicsMatchByMeaningWithoutTheirWords() {
        let topic = try! FollowRules.follow(kind: "topic", value: "robots")
        let member = ForYouProfile(follows: [topic])
        let picks = ForYouRanker().rank(pool, for: member, meaning: meaning, topics: ["robots": StubMeaning.along(1)], today: today)
        let byMeaning = picks.filter { $0.reason == .topic("robots") }.map(\.paperId)
        #expect(Set(byMeaning) == ["by-author", "by-org", "in-category"], "the three papers along the topic's direction")
    }

    @Test func withoutTheModelFollowsStillRank() {
        let picks = ForYouRanker().rank(pool, for: profile, meaning: nil, topics: [:], today: today)
        #expect(picks.first?.reason == .author("Grace  Hopper"))
        #expect(!picks.contains { if case .like = $0.reason { true } else { false } })
    }

    @Test func interestClustersKeepTwoFieldsApart() {
        let vectors = [StubMeaning.along(0), StubMeaning.along(0, tilt: 0.1), StubMeaning.along(2), StubMeaning.along(2, tilt: 0.1)]
        let clusters = InterestClusters(vectors, maximum: 2)
        #expect(clusters.members.map { Set($0) }.sorted { $0.min() ?? 0 < $1.min() ?? 0 } == [[0, 1], [2, 3]])
        #expect(InterestClusters(vectors, maximum: 1).centroids.count == 1)
    }

    @Test func reasonsReadAsSentences() {
        #expect(ForYouReason.author("Ada").text == "by Ada, whom you follow")
        #expect(ForYouReason.like(paperId: "1", title: "$\\alpha$-Nets", saved: false).text == "like “α-Nets” you upvoted")
        #expect(ForYouReason.popular(upvotes: 1).text == "popular this week: 1 upvote")
        #expect(!ForYouReason.popular(upvotes: 3).isPersonal && ForYouReason.topic("x").isPersonal)
    }
}
