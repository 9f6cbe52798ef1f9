/// A comment on a paper, or a reply to one (threads are one level deep).
public struct Comment: Sendable, Equatable {
    public var id: Int64
    public var paperId: String
    /// The comment this one answers; nil for a top-level comment.
    public var parentId: Int64?
    /// The author's username; nil once the author deleted their account.
    public var author: String?
    public var body: String
    /// The body rendered by `CommentMarkdown` when it was written: pages show it without rendering again.
    public var html: String
    public var createdAt: Timestamp
    public var editedAt: Timestamp?
    /// Set when the author deleted the comment; its body is gone, its replies stay.
    public var deleted: Bool
    /// Set when a moderator hid the comment.
    public var hiddenReason: HideReason?

    public init(
        id: Int64, paperId: String, parentId: Int64? = nil, author: String?, body: String, html: String? = nil, createdAt: Timestamp,
        editedAt: Timestamp? = nil, deleted: Bool = false, hiddenReason: HideReason? = nil
    ) {
        self.id = id
        self.paperId = paperId
        self.parentId = parentId
        self.author = author
        self.body = body
        self.html = html ?? CommentMarkdown.render(body)
        self.createdAt = createdAt
        self.editedAt = editedAt
        self.deleted = deleted
        self.hiddenReason = hiddenReason
    }

    /// Whether the comment's text is shown (not deleted, not hidden).
    public var isVisible: Bool { !deleted && hiddenReason == nil }
}

/// The rules comments follow.
public enum CommentRules {
    public static let maxLength = 5_000
    /// How long after posting the author may still edit a comment.
    public static let editWindowMilliseconds: Int64 = 15 * 60 * 1000

    /// The trimmed body, or why it cannot be posted.
    public static func validBody(_ text: String) throws -> String {
        let body = text.trimmingWhitespace()
        guard !body.isEmpty else { throw CommunityError.invalid("A comment cannot be empty.") }
        guard body.count <= maxLength else {
            throw CommunityError.invalid("A comment has at most \(maxLength) characters; this one has \(body.count).")
        }
        return body
    }

    /// Whether `comment` can still be edited at `now`.
    public static func isEditable(_ comment: Comment, now: Timestamp) -> Bool {
        comment.isVisible && now.millisecondsSinceEpoch - comment.createdAt.millisecondsSinceEpoch <= editWindowMilliseconds
    }

    /// Groups comments into threads: each top-level comment followed by its replies, oldest first.
    public static func threads(_ comments: [Comment]) -> [(comment: Comment, replies: [Comment])] {
        let sorted = comments.sorted { ($0.createdAt, $0.id) < ($1.createdAt, $1.id) }
        var replies: [Int64: [Comment]] = [:]
        for comment in sorted { if let parent = comment.parentId { replies[parent, default: []].append(comment) } }
        return sorted.filter { $0.parentId == nil }.map { ($0, replies[$0.id] ?? []) }
    }
}
