/// What a collection may hold, checked before anything is stored: Hugging Face's limits on titles, descriptions
/// and notes, and ours on sizes.
public enum CollectionRules {
    public static let maximumTitle = 60
    public static let maximumDescription = 150
    public static let maximumNote = 500
    public static let maximumItems = 10_000
    public static let maximumCollectionsPerOwner = 1_000

    /// A title: 1 to 60 characters once trimmed, no control characters.
    public static func title(_ text: String) throws(CommunityError) -> String {
        let title = text.trimmingWhitespace()
        guard !title.isEmpty, title.count <= maximumTitle, !containsControl(title) else {
            throw .invalid("A collection's title is 1 to \(maximumTitle) characters, without control characters.")
        }
        return title
    }

    public static func description(_ text: String) throws(CommunityError) -> String {
        let description = text.trimmingWhitespace()
        guard description.count <= maximumDescription, !containsControl(description) else {
            throw .invalid("A collection's description is at most \(maximumDescription) characters, without control characters.")
        }
        return description
    }

    /// A note, nil when empty: at most 500 characters; line breaks are kept.
    public static func note(_ text: String?) throws(CommunityError) -> String? {
        guard let note = text?.trimmingWhitespace(), !note.isEmpty else { return nil }
        guard note.count <= maximumNote, !note.unicodeScalars.contains(where: { $0.value < 0x20 && $0 != "\n" && $0 != "\t" }) else {
            throw .invalid("A note is at most \(maximumNote) characters.")
        }
        return note
    }

    public static func theme(_ text: String?) throws(CommunityError) -> CollectionTheme {
        guard let text else { return .orange }
        guard let theme = CollectionTheme(rawValue: text.lowercased()) else {
            throw .invalid("The theme is one of \(CollectionTheme.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
        return theme
    }

    /// The collection id a slug ends with (`owner/words-<24 hex>`, or the id alone), and the owner it names.
    public static func parse(slug: String) -> (owner: String?, id: String)? {
        let parts = slug.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count <= 2, let last = parts.last else { return nil }
        let id = String(last.split(separator: "-").last ?? last)
        guard isId(id) else { return nil }
        return (parts.count == 2 ? String(parts[0]) : nil, id)
    }

    /// 24 lowercase hex digits.
    public static func isId(_ text: String) -> Bool {
        text.utf8.count == 24 && text.utf8.allSatisfy { (48...57).contains($0) || (97...102).contains($0) }
    }

    /// The title as lower-case ASCII words joined by `-` (at most 50 characters), "collection" when none.
    public static func words(of title: String) -> String {
        var output = ""
        var pendingDash = false
        for scalar in title.lowercased().unicodeScalars {
            if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                if pendingDash, !output.isEmpty { output += "-" }
                output.unicodeScalars.append(scalar)
                pendingDash = false
                if output.count >= 50 { break }
            } else {
                pendingDash = true
            }
        }
        return output.isEmpty ? "collection" : output
    }

    private static func containsControl(_ text: String) -> Bool {
        text.unicodeScalars.contains { $0.properties.generalCategory == .control }
    }
}
