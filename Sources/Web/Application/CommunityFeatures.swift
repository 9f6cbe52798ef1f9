import Arxiv
import Community
import PapersCore
import Storage

/// What the community pages need: the services of accounts, submissions, comments, moderation, votes and organizations, and rate limits.
public struct CommunityFeatures: Sendable {
    public let accounts: AccountService
    public let submissions: SubmissionService
    public let comments: CommentService
    public let moderation: ModerationService
    public let votes: VoteService
    public let organizations: OrganizationService
    public let collections: CollectionService
    public let readingLists: ReadingListService
    public let exports: AccountExportService
    public let limits: RateLimits
    /// Whether cookies get the Secure attribute (the site is served over HTTPS).
    public let secureCookies: Bool

    public init(
        accounts: AccountService, submissions: SubmissionService, comments: CommentService, moderation: ModerationService, votes: VoteService,
        organizations: OrganizationService, collections: CollectionService, readingLists: ReadingListService,
        exports: AccountExportService, limits: RateLimits, secureCookies: Bool
    ) {
        self.accounts = accounts
        self.submissions = submissions
        self.comments = comments
        self.moderation = moderation
        self.votes = votes
        self.organizations = organizations
        self.collections = collections
        self.readingLists = readingLists
        self.exports = exports
        self.limits = limits
        self.secureCookies = secureCookies
    }
}

extension CommunityFeatures {
    /// The community services over `database`, wired one way for the server and the tests alike.
    public static func assemble(
        papers: SQLPaperStore, database: any SQLDatabase, hasher: PasswordHasher, mailer: AccountMailer?, arxiv: ArxivClient,
        policy: SubmissionPolicy, limits: RateLimits, secureCookies: Bool, clock: @escaping @Sendable () -> Timestamp
    ) -> CommunityFeatures {
        let (users, comments) = (SQLUserStore(database: database), SQLCommentStore(database: database))
        return CommunityFeatures(
            accounts: AccountService(users: users, sessions: SQLSessionStore(database: database), hasher: hasher, mailer: mailer, clock: clock),
            submissions: SubmissionService(
                papers: papers, submissions: SQLSubmissionStore(database: database), arxiv: arxiv, policy: policy, clock: clock),
            comments: CommentService(store: comments, clock: clock),
            moderation: ModerationService(store: SQLModerationStore(database: database), comments: comments, clock: clock),
            votes: VoteService(store: SQLVoteStore(database: database), clock: clock),
            organizations: OrganizationService(store: SQLOrganizationStore(database: database), users: users, papers: papers, clock: clock),
            collections: CollectionService(
                store: SQLCollectionStore(database: database), organizations: SQLOrganizationStore(database: database), papers: papers,
                clock: clock),
            readingLists: ReadingListService(store: SQLReadingListStore(database: database), papers: papers, clock: clock),
            exports: AccountExportService(database: database, clock: clock),
            limits: limits, secureCookies: secureCookies
        )
    }
}
