import PapersCore

/// A session just started: the secret for the cookie and when it ends.
public struct SessionTicket: Sendable {
    public let secret: String
    public let csrf: String
    public let expiresAt: Timestamp
}
