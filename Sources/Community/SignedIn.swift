import PapersCore

/// A signed-in browser session: the member, the session's CSRF token and the hash that names it.
public struct SignedIn: Sendable {
    public let user: User
    public let csrf: String
    public let sessionHash: String
}
