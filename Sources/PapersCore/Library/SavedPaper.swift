/// A paper on a member's reading list: when it was saved, when it was read (nil: unread), and the member's note.
public struct SavedPaper: Sendable, Equatable {
    public var paperId: String
    public var savedAt: Timestamp
    public var readAt: Timestamp?
    public var note: String?

    public init(paperId: String, savedAt: Timestamp, readAt: Timestamp? = nil, note: String? = nil) {
        self.paperId = paperId
        self.savedAt = savedAt
        self.readAt = readAt
        self.note = note
    }
}

/// Which saved papers a reading list shows: read or unread, of a category or an organization, with code, published
/// in a span of days.
public struct ReadingListFilter: Sendable, Equatable {
    /// Read state: every paper, only unread ones, only read ones.
    public enum State: String, Sendable, CaseIterable { case all, unread, read }

    public var state: State
    public var category: String?
    public var organization: String?
    public var hasCode: Bool
    public var publishedFrom: Day?
    public var publishedTo: Day?

    public init(
        state: State = .all, category: String? = nil, organization: String? = nil, hasCode: Bool = false, publishedFrom: Day? = nil,
        publishedTo: Day? = nil
    ) {
        self.state = state
        self.category = category
        self.organization = organization
        self.hasCode = hasCode
        self.publishedFrom = publishedFrom
        self.publishedTo = publishedTo
    }
}
