import PapersCore

/// The papers a week of "For you" ranks, read once and shared by every member: each with its lower-cased author
/// names and its stemmed words (title and abstract), so that follows and topics match by set look-ups.
public struct CandidatePool: Sendable {
    public let papers: [RecentPaper]
    public let ids: [String]
    let authorKeys: [Set<String>]
    /// The claiming organization's name, lower-cased (what a follow's key is).
    let organizationKeys: [String?]
    let words: [Set<String>]
    /// The largest upvote count of the pool, which popularity is measured against.
    let mostUpvotes: Int
    /// The days the pool covers, newest last.
    public let days: ClosedRange<Day>

    public init(_ papers: [RecentPaper], days: ClosedRange<Day>) {
        self.papers = papers
        self.days = days
        ids = papers.map(\.id)
        authorKeys = papers.map { Set($0.authors.map(FollowRules.key(author:))) }
        organizationKeys = papers.map { $0.organization?.lowercased() }
        words = papers.map { TopicWords.stems(of: $0.title + " " + $0.abstract) }
        mostUpvotes = papers.map(\.upvotes).max() ?? 0
    }
}

/// The words a topic and a paper are compared by: letters and digits, lower-cased, stemmed, without stop words.
public enum TopicWords {
    public static func stems(of text: String) -> Set<String> {
        var stems: Set<String> = []
        WordSplitter.forEachWord(in: text) { word in
            let text = String(decoding: word, as: UTF8.self)
            guard !StopWords.english.contains(text) else { return }
            stems.insert(String(decoding: PorterStemmer.stem(Array(word)), as: UTF8.self))
        }
        return stems
    }
}
