/// One versioned step of the schema, run once in a transaction and recorded in `schema_migrations`.
public struct Migration: Sendable {
    public let version: Int
    public let name: String
    /// The statements for a dialect; most are the same for both engines.
    public let statements: @Sendable (SQLDialect) -> [SQLQuery]

    public init(version: Int, name: String, statements: @escaping @Sendable (SQLDialect) -> [SQLQuery]) {
        self.version = version
        self.name = name
        self.statements = statements
    }
}

/// Every migration, in order. Append new ones; never edit one that has shipped.
public enum Migrations {
    public static let all: [Migration] = [
        .createPapers,
        .createSubscriptionsAndOutbox,
        .createCommunity,
        .indexVisibleFeedDays,
        .createJobLeases,
        .createSearchIndex,
        .createPaperEmbeddings,
        .createPaperChanges,
        .storeCommentHTML,
        .indexEmailsInAnyCase,
        .storeHubDetails,
        .followTheChangeLogForSearch,
        .storeArxivListings,
        .markLocalSubmissions,
        .keepNoLinksInTheOutbox,
        .createCollections,
        .createReadingLists,
        .indexHiddenPapers,
        .createFollows,
    ]
}
