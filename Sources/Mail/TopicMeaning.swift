import Foundation
import Synchronization

/// Matching digest topics by meaning: a topic is embedded like a query, and a paper matches it when their cosine
/// similarity reaches `threshold` — so "robot learning" finds a paper on manipulation policies that never says
/// "robot". Keyword matches still count; this adds papers, it never removes any.
public struct TopicMeaning: Sendable {
    /// Cosine similarity at which a paper matches a topic (all-MiniLM-L6-v2: related short texts score 0.35–0.7,
    /// unrelated ones below 0.2; see docs/search.md).
    public static let defaultThreshold: Float = 0.35

    public let threshold: Float
    let embedTopic: @Sendable (String) -> [Float]
    let paperVector: @Sendable (String) -> [Float]?

    /// - Parameters:
    ///   - embedTopic: the unit-length embedding of a topic text.
    ///   - paperVector: a paper's stored embedding, if it has one yet.
    public init(
        threshold: Float = Self.defaultThreshold, embedTopic: @escaping @Sendable (String) -> [Float],
        paperVector: @escaping @Sendable (String) -> [Float]?
    ) {
        self.threshold = threshold
        self.embedTopic = embedTopic
        self.paperVector = paperVector
    }
}

/// The edition's paper vectors and the topics embedded so far, shared by every subscriber of one edition.
final class EditionMeaning: Sendable {
    private let meaning: TopicMeaning
    private let vectors: [[Float]?]
    private let topics = Mutex<[String: [Float]]>([:])

    init(meaning: TopicMeaning, paperIds: [String]) {
        self.meaning = meaning
        self.vectors = paperIds.map(meaning.paperVector)
    }

    /// Whether the paper at `index` is about `topic`.
    func matches(_ index: Int, topic: String) -> Bool {
        guard let paper = vectors[index] else { return false }
        let key = topic.lowercased()
        let vector =
            topics.withLock { $0[key] }
            ?? {
                let embedded = meaning.embedTopic(key)
                topics.withLock { $0[key] = embedded }
                return embedded
            }()
        var dot: Float = 0
        for component in paper.indices where component < vector.count { dot += paper[component] * vector[component] }
        return dot >= meaning.threshold
    }
}
