import Community
import PapersCore
import Storage

/// What the community pages need: accounts, submissions, comments, the store behind them, and rate limits.
public struct CommunityFeatures: Sendable {
    public let accounts: AccountService
    public let submissions: SubmissionService
    public let comments: CommentService
    public let store: SQLCommunityStore
    public let limits: RateLimits
    /// Whether cookies get the Secure attribute (the site is served over HTTPS).
    public let secureCookies: Bool

    public init(accounts: AccountService, submissions: SubmissionService, comments: CommentService, store: SQLCommunityStore, limits: RateLimits, secureCookies: Bool) {
        self.accounts = accounts
        self.submissions = submissions
        self.comments = comments
        self.store = store
        self.limits = limits
        self.secureCookies = secureCookies
    }
}
