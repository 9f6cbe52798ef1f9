import PapersCore

/// Which announced papers to list: one announcement day of arXiv's listing, in some categories, of some types.
public struct ListingQuery: Sendable, Equatable {
    public var day: Day
    /// Any of these categories (empty: every category).
    public var categories: [String]
    /// Only these announce types (empty: every type).
    public var kinds: [Announcement.Kind]
    public var limit: Int
    public var offset: Int

    public init(day: Day, categories: [String] = [], kinds: [Announcement.Kind] = [], limit: Int = 50, offset: Int = 0) {
        self.day = day
        self.categories = categories
        self.kinds = kinds
        self.limit = limit
        self.offset = offset
    }
}

/// arXiv's announcements as harvested: the papers of one announcement day by category and type, and category pages.
public struct SQLListingStore: Sendable {
    let database: any SQLDatabase

    public init(database: any SQLDatabase) {
        self.database = database
    }

    /// The newest announcement day on or before `day` (nil: any) that holds papers in `categories`.
    public func latestAnnouncementDay(categories: [String], onOrBefore day: Day? = nil) async throws -> Day? {
        var conditions: [SQLQuery] = ["p.announced_on IS NOT NULL AND \(unsafeRaw: SQLPaperStore.visible)"]
        if let day { conditions.append("p.announced_on <= \(day.description)") }
        if !categories.isEmpty { conditions.append(SQLPaperStore.inCategories(categories)) }
        let rows = try await database.query(
            "SELECT MAX(p.announced_on) AS day FROM papers p WHERE \(SQLQuery.joined(conditions, separator: " AND "))")
        return rows.first?.optionalString("day").flatMap { Day(iso: $0) }
    }

    /// The announcement days before and after `day` that hold papers in `categories`, for previous/next links.
    public func neighbouringAnnouncementDays(of day: Day, categories: [String]) async throws -> (previous: Day?, next: Day?) {
        let filter: SQLQuery = categories.isEmpty ? "1 = 1" : SQLPaperStore.inCategories(categories)
        let before = try await database.query(
            "SELECT MAX(p.announced_on) AS day FROM papers p WHERE p.announced_on < \(day.description) AND \(unsafeRaw: SQLPaperStore.visible) AND \(filter)"
        )
        let after = try await database.query(
            "SELECT MIN(p.announced_on) AS day FROM papers p WHERE p.announced_on > \(day.description) AND \(unsafeRaw: SQLPaperStore.visible) AND \(filter)"
        )
        return (before.first?.optionalString("day").flatMap { Day(iso: $0) }, after.first?.optionalString("day").flatMap { Day(iso: $0) })
    }

    /// The papers of one announcement, most upvoted first, then in id order (arXiv's own order).
    public func announcedPapers(_ query: ListingQuery) async throws -> [Paper] {
        let rows = try await database.query(
            """
            SELECT \(unsafeRaw: SQLPaperStore.columns) FROM \(unsafeRaw: SQLPaperStore.from) WHERE \(Self.listingFilter(query))
            ORDER BY p.upvotes + p.community_upvotes DESC, p.id LIMIT \(query.limit) OFFSET \(query.offset)
            """
        )
        return try rows.map(PaperRow.decode)
    }

    public func countAnnouncedPapers(_ query: ListingQuery) async throws -> Int {
        let rows = try await database.query("SELECT COUNT(*) AS n FROM papers p WHERE \(Self.listingFilter(query))")
        return try rows.first?.int("n") ?? 0
    }

    /// Papers in a category, newest publication first.
    public func papers(inCategory category: String, limit: Int, offset: Int) async throws -> [Paper] {
        let rows = try await database.query(
            """
            SELECT \(unsafeRaw: SQLPaperStore.columns) FROM \(unsafeRaw: SQLPaperStore.from)
            WHERE p.id IN (SELECT paper_id FROM paper_categories WHERE category = \(category)) AND \(unsafeRaw: SQLPaperStore.visible)
            ORDER BY p.published_at IS NULL, p.published_at DESC, p.id DESC LIMIT \(limit) OFFSET \(offset)
            """
        )
        return try rows.map(PaperRow.decode)
    }

    public func countPapers(inCategory category: String) async throws -> Int {
        let rows = try await database.query(
            "SELECT COUNT(*) AS n FROM papers p WHERE p.id IN (SELECT paper_id FROM paper_categories WHERE category = \(category)) AND \(unsafeRaw: SQLPaperStore.visible)"
        )
        return try rows.first?.int("n") ?? 0
    }

    private static func listingFilter(_ query: ListingQuery) -> SQLQuery {
        var conditions: [SQLQuery] = ["p.announced_on = \(query.day.description) AND \(unsafeRaw: SQLPaperStore.visible)"]
        if !query.categories.isEmpty { conditions.append(SQLPaperStore.inCategories(query.categories)) }
        if !query.kinds.isEmpty { conditions.append("p.announce_type IN (\(list: query.kinds.map(\.rawValue)))") }
        return SQLQuery.joined(conditions, separator: " AND ")
    }
}
