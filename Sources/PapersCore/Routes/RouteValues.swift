/// The HTTP methods the site answers.
public enum RouteMethod: String, Sendable {
    case get = "GET", post = "POST", patch = "PATCH", delete = "DELETE"
}

/// The two syndication formats every feed comes in.
public enum FeedFormat: String, CaseIterable, Sendable {
    case atom, rss
}

/// What a form on a paper page does (`POST /papers/{id}/{action}`).
public enum PaperAction: String, CaseIterable, Sendable {
    case upvote, comment = "comments", organization, hide, show
    /// The reading list: save (or unsave), mark read (or unread), the private note.
    case save, read, note
    /// "Not interested" on a "For you" card (or taking it back).
    case dismiss
}

/// What a form on a comment does (`POST /comments/{id}/{action}`).
public enum CommentAction: String, CaseIterable, Sendable {
    case edit, delete, hide
}

/// What a moderator does to a member (`POST /users/{name}/{action}`).
public enum MemberAction: String, CaseIterable, Sendable {
    case ban, unban, role
}

/// The forms of the settings page (`POST /settings/{action}`).
public enum SettingsAction: String, CaseIterable, Sendable {
    case password, email, verify, createToken = "tokens", delete
}

/// A path that names a route but carries a value the route cannot take (a date that is no date).
public struct RouteError: Error, Sendable, Equatable {
    public let message: String

    public init(message: String) {
        self.message = message
    }
}
