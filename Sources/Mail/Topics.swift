/// Rules for subscription topics: short keywords, no control characters.
public enum Topics {
    public static let maxCount = 10
    public static let maxLength = 60

    /// Why a list of topics was refused.
    public struct Invalid: Error, CustomStringConvertible {
        public let description: String
    }

    /// The topics trimmed, de-duplicated and checked.
    public static func validate(_ topics: [String]) throws(Invalid) -> [String] {
        var result: [String] = []
        for raw in topics {
            let topic = raw.trimmingCharactersInSet()
            guard !topic.isEmpty else { continue }
            guard !topic.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else {
                throw Invalid(description: "a topic may not contain line breaks or control characters")
            }
            guard topic.count <= maxLength else { throw Invalid(description: "a topic may have at most \(maxLength) characters") }
            if !result.contains(where: { $0.lowercased() == topic.lowercased() }) { result.append(topic) }
        }
        guard result.count <= maxCount else { throw Invalid(description: "at most \(maxCount) topics") }
        return result
    }

    /// Topics typed in one field, separated by commas.
    public static func parse(_ field: String) throws(Invalid) -> [String] {
        try validate(field.split(separator: ",").map(String.init))
    }
}
