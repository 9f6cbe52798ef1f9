import PapersCore

/// A member's follows as sets, each candidate matched by look-ups: one part of the score (and its reason) for each
/// kind of follow the paper matches.
struct FollowMatcher {
    private let authors: Set<String>
    private let organizations: Set<String>
    private let categories: Set<String>
    private let collectionPapers: [String: String]
    /// The authors of the member's saved and upvoted papers, each with the latest such paper.
    private let readAuthors: [String: ForYouProfile.HistoryPaper]
    private let readAuthorKeys: Set<String>
    private let weights: ForYouWeights

    init(profile: ForYouProfile, weights: ForYouWeights) {
        func keys(_ kind: FollowKind) -> Set<String> { Set(profile.follows.filter { $0.kind == kind }.map(\.key)) }
        authors = keys(.author)
        organizations = keys(.organization)
        categories = keys(.category)
        collectionPapers = profile.collectionPapers
        var read: [String: ForYouProfile.HistoryPaper] = [:]
        for paper in profile.history.reversed() { for name in paper.authors { read[FollowRules.key(author: name)] = paper } }
        readAuthors = read
        readAuthorKeys = Set(read.keys)
        self.weights = weights
    }

    /// The paper's parts; `paperAuthors` and `organization` are its keys, worked out once for the pool.
    func parts(_ paper: RecentPaper, authors paperAuthors: Set<String>, organization: String?) -> [(Double, ForYouReason)] {
        var parts: [(Double, ForYouReason)] = []
        // The sets of keys decide; only a paper that matches has its names keyed again, to name the first in its order.
        if !paperAuthors.isDisjoint(with: authors), let name = paper.authors.first(where: { authors.contains(FollowRules.key(author: $0)) }) {
            parts.append((weights.author, .author(name)))
        } else if !paperAuthors.isDisjoint(with: readAuthorKeys),
            let name = paper.authors.first(where: { readAuthors[FollowRules.key(author: $0)] != nil }),
            let read = readAuthors[FollowRules.key(author: name)]
        {
            parts.append((weights.readAuthor, .readAuthor(name, paperTitle: read.title, saved: read.saved)))
        }
        if let organization, organizations.contains(organization) {
            parts.append((weights.organization, .organization(paper.organizationFullname ?? paper.organization ?? organization)))
        }
        if !categories.isEmpty, let category = paper.categories.first(where: categories.contains) {
            parts.append((weights.category, .category(category)))
        }
        if !collectionPapers.isEmpty, let title = collectionPapers[paper.id] {
            parts.append((weights.collection, .collection(title: title)))
        }
        return parts
    }
}

/// A member's topics against the pool: by words (every stemmed word of the topic in the paper's title or abstract)
/// and by meaning (the topic embedded like a query, its cosine to the paper above the floor).
struct TopicMatcher {
    let topics: [Follow]
    let vectors: [String: [Float]]
    let weights: ForYouWeights

    init(topics: [Follow], vectors: [String: [Float]], weights: ForYouWeights) {
        self.topics = topics
        self.vectors = vectors
        self.weights = weights
    }

    /// Each candidate's parts (by position in `candidates`), one per topic it matches.
    func scores(_ pool: CandidatePool, candidates: [Int], meaning: (any PaperMeaning)?) -> [[(Double, ForYouReason)]] {
        var scores = [[(Double, ForYouReason)]](repeating: [], count: candidates.count)
        let embedded = topics.filter { vectors[$0.key] != nil }
        let ids = candidates.map { pool.ids[$0] }
        let cosines = meaning.map { $0.similarities(of: ids, toEach: embedded.compactMap { vectors[$0.key] }) } ?? []
        for topic in topics {
            let stems = TopicWords.stems(of: topic.value)
            let row = embedded.firstIndex(of: topic).flatMap { $0 < cosines.count ? cosines[$0] : nil }
            for (slot, index) in candidates.enumerated() {
                let byWords = !stems.isEmpty && stems.isSubset(of: pool.words[index]) ? weights.topicWords : 0
                let cosine = row.map { $0[slot].isNaN ? 0 : $0[slot] } ?? 0
                let byMeaning = weights.topicMeaning * Double(max(0, cosine - weights.topicFloor))
                if byWords + byMeaning > 0 { scores[slot].append((byWords + byMeaning, .topic(topic.value))) }
            }
        }
        return scores
    }
}
