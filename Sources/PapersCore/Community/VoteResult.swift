/// A paper's upvote count after a vote, and whether the voter now upvotes it.
public struct VoteResult: Sendable, Equatable, Codable {
    public var upvotes: Int
    public var upvoted: Bool

    public init(upvotes: Int, upvoted: Bool) {
        self.upvotes = upvotes
        self.upvoted = upvoted
    }
}
