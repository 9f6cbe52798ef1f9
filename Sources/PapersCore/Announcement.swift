/// How and when arXiv announced a paper in its daily listing: the listing's date and the announce type.
public struct Announcement: Sendable, Equatable, Codable {
    /// arXiv's announce types (RSS `arxiv:announce_type`).
    public enum Kind: String, Sendable, Equatable, Codable, CaseIterable {
        /// A new submission, in its primary category.
        case new
        /// A new submission cross-listed into this category from another.
        case cross
        /// A new version of an earlier paper.
        case replace
        /// A new version of a cross-listed paper.
        case replaceCross = "replace-cross"

        /// Whether the item is a paper announced for the first time (`new` or `cross`).
        public var isFirstAnnouncement: Bool { self == .new || self == .cross }
    }

    /// The listing's date (its `pubDate`): the day arXiv's mailing carries the paper.
    public var day: Day
    public var kind: Kind

    public init(day: Day, kind: Kind) {
        self.day = day
        self.kind = kind
    }
}

/// What arXiv's records say of a paper's versions: how many, when the latest appeared, and whether it was withdrawn.
public struct ArxivVersions: Sendable, Equatable, Codable {
    /// The number of versions; the latest is `v\(count)`.
    public var count: Int
    /// When the latest version was submitted, when known.
    public var latestAt: Timestamp?
    /// Whether the authors withdrew the paper (its latest version is a withdrawal notice).
    public var withdrawn: Bool

    public init(count: Int, latestAt: Timestamp? = nil, withdrawn: Bool = false) {
        self.count = count
        self.latestAt = latestAt
        self.withdrawn = withdrawn
    }
}
