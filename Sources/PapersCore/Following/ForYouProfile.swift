/// Everything a member's ranking reads about them: the papers they saved and upvoted, what they follow, and what
/// they marked "not interested".
public struct ForYouProfile: Sendable {
    /// A paper the member saved or upvoted.
    public struct HistoryPaper: Sendable, Equatable {
        public let id: String
        public let title: String
        public let saved: Bool
        public let authors: [String]

        public init(id: String, title: String, saved: Bool, authors: [String] = []) {
            self.id = id
            self.title = title
            self.saved = saved
            self.authors = authors
        }
    }

    /// Most recent first; a paper both saved and upvoted appears once, as saved.
    public var history: [HistoryPaper]
    public var follows: [Follow]
    public var dismissed: [String]
    /// The papers of the collections the member follows, with the collection's title.
    public var collectionPapers: [String: String]

    public init(history: [HistoryPaper] = [], follows: [Follow] = [], dismissed: [String] = [], collectionPapers: [String: String] = [:]) {
        self.history = history
        self.follows = follows
        self.dismissed = dismissed
        self.collectionPapers = collectionPapers
    }

    /// A member with nothing to rank by yet: they see the week's popular papers and a prompt to follow something.
    public var isEmpty: Bool {
        history.isEmpty && follows.isEmpty
    }
}
