/// What a member can follow.
public enum FollowKind: String, CaseIterable, Sendable, Codable, Comparable {
    case author, organization, category, collection, topic

    public static func < (left: FollowKind, right: FollowKind) -> Bool {
        allCases.firstIndex(of: left) ?? 0 < allCases.firstIndex(of: right) ?? 0
    }

    /// The kind's name in a sentence, plural ("authors"), for headings and messages.
    public var plural: String {
        switch self {
            case .author: "authors"
            case .organization: "organizations"
            case .category: "arXiv categories"
            case .collection: "collections"
            case .topic: "topics"
        }
    }
}

/// One thing a member follows: its kind, the value as the member gave it, and the key two values share when they
/// name the same thing ("Yann LeCun" and "yann  lecun" are one author; a collection is known by its id).
public struct Follow: Sendable, Hashable, Codable {
    public let kind: FollowKind
    public let value: String
    public let key: String

    public init(kind: FollowKind, value: String, key: String) {
        self.kind = kind
        self.value = value
        self.key = key
    }
}
