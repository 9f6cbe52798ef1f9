/// The constants of the "For you" ranking. The standard values were chosen on one half of the simulated members of
/// `scripts/bench/for_you.py` and are reported on the other half (docs/benchmarks.md says how).
public struct ForYouWeights: Sendable, Equatable {
    /// Closeness in meaning to the member's saved and upvoted papers: weight × (cosine − floor), above the floor.
    public var meaning = 0.5
    public var meaningFloor: Float = 0.25
    /// How many interest clusters a member's papers are grouped into.
    public var clusters = 16
    /// A followed author, organization, collection or category among the paper's.
    public var author = 0.6
    public var organization = 0.4
    public var collection = 0.5
    public var category = 0.1
    /// An author of a paper the member saved or upvoted (not followed: read).
    public var readAuthor = 0.3
    /// A followed topic: all its words in the title or abstract, and its closeness in meaning above the floor.
    public var topicWords = 0.4
    public var topicMeaning = 1.0
    public var topicFloor: Float = 0.3
    /// Newer first, all else equal: weight × e^(−age / days).
    public var freshness = 0.05
    public var freshnessDays = 3.0
    /// The week's upvotes, on a log scale relative to the most upvoted paper of the week.
    public var popularity = 0.1
    /// Papers like one marked "not interested" sink: weight × (cosine − floor), above the floor.
    public var dismissed = 1.0
    public var dismissedFloor: Float = 0.45

    public init() {}

    public static let standard = ForYouWeights()
}

extension ForYouWeights {
    /// The names `overriding` accepts, each with where its value goes.
    private static let fields: [String: @Sendable (inout ForYouWeights, Double) -> Void] = [
        "meaning": { $0.meaning = $1 }, "meaningFloor": { $0.meaningFloor = Float($1) }, "clusters": { $0.clusters = max(1, Int($1)) },
        "author": { $0.author = $1 }, "organization": { $0.organization = $1 }, "collection": { $0.collection = $1 },
        "category": { $0.category = $1 }, "readAuthor": { $0.readAuthor = $1 }, "topicWords": { $0.topicWords = $1 },
        "topicMeaning": { $0.topicMeaning = $1 },
        "topicFloor": { $0.topicFloor = Float($1) }, "freshness": { $0.freshness = $1 }, "freshnessDays": { $0.freshnessDays = max(0.1, $1) },
        "popularity": { $0.popularity = $1 }, "dismissed": { $0.dismissed = $1 }, "dismissedFloor": { $0.dismissedFloor = Float($1) },
    ]

    /// The standard weights with those `values` names replaced; refuses a name it does not know.
    public init(overriding values: [String: Double]) throws(WeightsError) {
        self.init()
        for (name, value) in values.sorted(by: { $0.key < $1.key }) {
            guard let set = Self.fields[name] else {
                throw WeightsError(description: "unknown weight '\(name)'; known: \(Self.fields.keys.sorted().joined(separator: ", "))")
            }
            guard value.isFinite else { throw WeightsError(description: "weight '\(name)' must be a finite number") }
            set(&self, value)
        }
    }
}

/// Why a set of weights was refused.
public struct WeightsError: Error, CustomStringConvertible {
    public let description: String
}
