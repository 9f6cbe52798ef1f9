/// Why a moderator hid a paper or a comment.
public enum HideReason: String, Sendable, Codable, CaseIterable {
    case spam
    case abuse
    case offTopic = "off-topic"

    /// The reason as the moderation log and hidden-comment notices say it.
    public var label: String {
        switch self {
            case .spam: return "spam"
            case .abuse: return "abuse"
            case .offTopic: return "off-topic"
        }
    }
}

/// One moderation action, as the public moderation log lists it.
public struct ModerationEntry: Sendable, Equatable {
    /// What was done.
    public enum Action: String, Sendable, CaseIterable {
        case hidePaper = "hide-paper"
        case showPaper = "show-paper"
        case hideComment = "hide-comment"
        case banUser = "ban-user"
        case unbanUser = "unban-user"
        case setRole = "set-role"
    }

    public var id: Int64
    public var moderator: String
    public var action: Action
    /// The paper id, comment id or username acted on.
    public var target: String
    public var reason: String?
    public var at: Timestamp

    public init(id: Int64, moderator: String, action: Action, target: String, reason: String?, at: Timestamp) {
        self.id = id
        self.moderator = moderator
        self.action = action
        self.target = target
        self.reason = reason
        self.at = at
    }
}
