/// A refusal a member can act on: what was wrong, in words for them, and which kind of refusal it is.
public struct CommunityError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The kind decides the HTTP status.
    public enum Kind: Sendable, Equatable { case invalid, unauthorized, forbidden, notFound, conflict, tooManyRequests, unavailable }

    public let kind: Kind
    public let message: String
    /// For `tooManyRequests` and `unavailable`: when to try again, sent as `Retry-After`.
    public let retryAfterSeconds: Int?

    public init(_ kind: Kind, _ message: String, retryAfterSeconds: Int? = nil) {
        self.kind = kind
        self.message = message
        self.retryAfterSeconds = retryAfterSeconds
    }

    public var description: String { message }

    public static func invalid(_ message: String) -> CommunityError { CommunityError(.invalid, message) }
    public static func forbidden(_ message: String) -> CommunityError { CommunityError(.forbidden, message) }
    public static func notFound(_ message: String) -> CommunityError { CommunityError(.notFound, message) }
    public static func conflict(_ message: String) -> CommunityError { CommunityError(.conflict, message) }
}
