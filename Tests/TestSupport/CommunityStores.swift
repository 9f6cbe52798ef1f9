import Storage

/// Every community store on one database, for tests that set up members, votes and comments directly.
public struct CommunityStores: Sendable {
    public let users: SQLUserStore
    public let sessions: SQLSessionStore
    public let votes: SQLVoteStore
    public let comments: SQLCommentStore
    public let moderation: SQLModerationStore
    public let organizations: SQLOrganizationStore
    public let submissions: SQLSubmissionStore

    public init(database: any SQLDatabase) {
        users = SQLUserStore(database: database)
        sessions = SQLSessionStore(database: database)
        votes = SQLVoteStore(database: database)
        comments = SQLCommentStore(database: database)
        moderation = SQLModerationStore(database: database)
        organizations = SQLOrganizationStore(database: database)
        submissions = SQLSubmissionStore(database: database)
    }
}
