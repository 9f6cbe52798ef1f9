/// What may be followed, checked before anything is stored: a value of the right shape for its kind, and a bound on
/// how much one member follows (each follow is matched against every candidate paper of the week).
public enum FollowRules {
    public static let maximumFollows = 200
    public static let maximumValue = 100
    public static let maximumTopic = 60

    /// The follow that `kind` and `value` name, or a refusal that says what is wrong.
    public static func follow(kind rawKind: String, value rawValue: String) throws(CommunityError) -> Follow {
        guard let kind = FollowKind(rawValue: rawKind.trimmingWhitespace().lowercased()) else {
            throw .invalid("'kind' is one of \(FollowKind.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
        let value = collapsed(rawValue)
        guard !value.isEmpty else { throw .invalid("Say which \(kind.rawValue) to follow: 'value' is empty.") }
        guard !value.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else {
            throw .invalid("A \(kind.rawValue) to follow may not contain control characters.")
        }
        let limit = kind == .topic ? maximumTopic : maximumValue
        guard value.count <= limit else { throw .invalid("A \(kind.rawValue) to follow is at most \(limit) characters.") }
        return try shaped(kind, value)
    }

    private static func shaped(_ kind: FollowKind, _ value: String) throws(CommunityError) -> Follow {
        switch kind {
            case .category:
                guard ArxivCategory.isValid(value) else { throw .invalid("'\(value)' is not an arXiv category such as cs.CL or hep-th.") }
                return Follow(kind: kind, value: value, key: value)
            case .collection:
                guard let (_, id) = CollectionRules.parse(slug: value) else {
                    throw .invalid("'\(value)' is not a collection: give its address, e.g. owner/reading-group-0123456789abcdef01234567.")
                }
                return Follow(kind: kind, value: value, key: id)
            case .organization:
                return Follow(kind: kind, value: value, key: value.lowercased())
            case .author:
                return Follow(kind: kind, value: value, key: key(author: value))
            case .topic:
                return Follow(kind: kind, value: value, key: value.lowercased())
        }
    }

    /// How an author's name is compared: white space collapsed, case ignored.
    public static func key(author name: String) -> String {
        collapsed(name).lowercased()
    }

    /// The text trimmed, with each run of white space made one space.
    static func collapsed(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
