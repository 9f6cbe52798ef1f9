import PapersCore

/// Members' reading lists on any `SQLDatabase`: saved papers with their read state and notes. Every read is by
/// the member's own id: a reading list is never shown to anyone else.
public struct SQLReadingListStore: Sendable {
    let database: any SQLDatabase
    /// The most papers one member may save.
    public static let maximumSaved = 50_000

    public init(database: any SQLDatabase) {
        self.database = database
    }

    /// Saves a paper (again: nothing changes) or takes it off the list; whether it is saved after.
    public func setSaved(_ saved: Bool, userId: Int64, paperId: String, at now: Timestamp) async throws -> Bool {
        guard saved else {
            _ = try await database.execute("DELETE FROM saved_papers WHERE user_id = \(userId) AND paper_id = \(paperId)")
            return false
        }
        return try await database.transaction { connection in
            let count = try await connection.query("SELECT COUNT(*) AS n FROM saved_papers WHERE user_id = \(userId)").first?.optionalInt("n") ?? 0
            guard count < Self.maximumSaved else { throw CommunityError.conflict("A reading list holds at most \(Self.maximumSaved) papers.") }
            _ = try await connection.execute(
                """
                INSERT INTO saved_papers (user_id, paper_id, saved_at) VALUES (\(userId), \(paperId), \(now.millisecondsSinceEpoch))
                ON CONFLICT (user_id, paper_id) DO NOTHING
                """)
            return true
        }
    }

    /// Marks a saved paper read or unread; false when it is not on the list.
    public func setRead(_ read: Bool, userId: Int64, paperId: String, at now: Timestamp) async throws -> Bool {
        try await database.execute(
            "UPDATE saved_papers SET read_at = \(read ? now.millisecondsSinceEpoch : nil) WHERE user_id = \(userId) AND paper_id = \(paperId)") > 0
    }

    /// Sets (nil: removes) the note of a saved paper; false when it is not on the list.
    public func setNote(_ note: String?, userId: Int64, paperId: String) async throws -> Bool {
        try await database.execute("UPDATE saved_papers SET note = \(note) WHERE user_id = \(userId) AND paper_id = \(paperId)") > 0
    }

    /// Which of `paperIds` (a page's papers) the member saved, for marking cards.
    public func savedIds(userId: Int64, among paperIds: [String]) async throws -> Set<String> {
        Set(try await entries(userId: userId, paperIds: paperIds).map(\.paperId))
    }

    /// The member's saved papers passing `filter`, last saved first.
    public func entries(userId: Int64, filter: ReadingListFilter, limit: Int, offset: Int = 0) async throws -> [SavedPaper] {
        let rows = try await database.query(
            """
            SELECT s.paper_id, s.saved_at, s.read_at, s.note FROM \(Self.source(userId: userId, filter))
            ORDER BY s.saved_at DESC, s.paper_id LIMIT \(limit) OFFSET \(offset)
            """)
        return try rows.map(Self.entry)
    }

    /// The ids of the saved papers passing `filter`, last saved first (`ordered`), or as the index gives them.
    public func ids(userId: Int64, filter: ReadingListFilter, ordered: Bool = true) async throws -> [String] {
        let order: SQLQuery = ordered ? "ORDER BY s.saved_at DESC, s.paper_id" : ""
        return try await database.query("SELECT s.paper_id FROM \(Self.source(userId: userId, filter)) \(order)").map { try $0.string("paper_id") }
    }

    /// The member's entries for `paperIds` (those on the list), in no particular order.
    public func entries(userId: Int64, paperIds: [String]) async throws -> [SavedPaper] {
        var entries: [SavedPaper] = []
        for chunk in paperIds.bindChunks() {
            let rows = try await database.query(
                "SELECT paper_id, saved_at, read_at, note FROM saved_papers WHERE user_id = \(userId) AND paper_id IN (\(list: chunk))")
            entries += try rows.map(Self.entry)
        }
        return entries
    }

    /// How many papers the list holds and how many are unread, in one pass (hidden papers are left out, as
    /// everywhere).
    public func counts(userId: Int64) async throws -> (total: Int, unread: Int) {
        let row = try await database.query(
            """
            SELECT COUNT(*) AS n, COALESCE(SUM(CASE WHEN s.read_at IS NULL THEN 1 ELSE 0 END), 0) AS unread
            FROM \(Self.source(userId: userId, ReadingListFilter()))
            """
        ).first
        return (row?.optionalInt("n") ?? 0, row?.optionalInt("unread") ?? 0)
    }

    /// The FROM and WHERE of a member's saved papers passing `filter`. Only a filter on the papers' own fields
    /// joins `papers`: the join costs a look-up per saved paper, ten times the rest at 10,000.
    static func source(userId: Int64, _ filter: ReadingListFilter) -> SQLQuery {
        let papers = paperConditions(filter)
        let from: SQLQuery = papers.isEmpty ? "saved_papers s" : "saved_papers s JOIN papers p ON p.id = s.paper_id"
        let state: SQLQuery =
            switch filter.state {
                case .all: ""
                case .unread: "AND s.read_at IS NULL"
                case .read: "AND s.read_at IS NOT NULL"
            }
        // A category is looked up by the saved paper's id: it needs no join either.
        let category: SQLQuery = filter.category.map { "AND s.paper_id IN (SELECT paper_id FROM paper_categories WHERE category = \($0))" } ?? ""
        return
            "\(from) WHERE s.user_id = \(userId) AND \(unsafeRaw: SQLPaperStore.notHidden("s.paper_id")) \(state) \(category) \(SQLQuery.joined(papers, separator: " "))"
    }

    /// The filters on the paper's own row, which join `papers`.
    static func paperConditions(_ filter: ReadingListFilter) -> [SQLQuery] {
        var parts: [SQLQuery] = []
        if let organization = filter.organization { parts.append("AND p.organization = \(organization)") }
        if filter.hasCode { parts.append("AND \(unsafeRaw: SQLPaperStore.hasCode)") }
        if let from = filter.publishedFrom { parts.append("AND p.published_at >= \(Timestamp(day: from).millisecondsSinceEpoch)") }
        if let to = filter.publishedTo { parts.append("AND p.published_at < \(Timestamp(day: to.adding(days: 1)).millisecondsSinceEpoch)") }
        return parts
    }

    static func entry(_ row: SQLRow) throws -> SavedPaper {
        SavedPaper(
            paperId: try row.string("paper_id"), savedAt: Timestamp(millisecondsSinceEpoch: row.optionalInt64("saved_at") ?? 0),
            readAt: row.optionalInt64("read_at").map(Timestamp.init(millisecondsSinceEpoch:)), note: row.optionalString("note"))
    }
}
