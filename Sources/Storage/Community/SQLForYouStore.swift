import PapersCore

/// What a member's "For you" ranking reads besides their follows: the papers they saved and upvoted, and the papers
/// of the collections they follow.
public struct SQLForYouStore: Sendable {
    let database: any SQLDatabase
    /// The most recent saved and upvoted papers a ranking reads (each kind).
    public static let historyRead = 200

    public init(database: any SQLDatabase) {
        self.database = database
    }

    /// The member's saved and upvoted papers, most recent first; a paper both saved and upvoted comes once, as saved.
    public func history(userId: Int64) async throws -> [ForYouProfile.HistoryPaper] {
        let rows = try await database.query(
            """
            SELECT h.paper_id, h.saved, h.at, p.title, p.authors FROM (
                SELECT * FROM (SELECT paper_id, 1 AS saved, saved_at AS at FROM saved_papers WHERE user_id = \(userId)
                    ORDER BY saved_at DESC LIMIT \(Self.historyRead)) s
                UNION ALL
                SELECT * FROM (SELECT paper_id, 0 AS saved, created_at AS at FROM votes WHERE user_id = \(userId)
                    ORDER BY created_at DESC LIMIT \(Self.historyRead)) v
            ) h JOIN papers p ON p.id = h.paper_id
            WHERE \(unsafeRaw: SQLPaperStore.visible)
            ORDER BY h.saved DESC, h.at DESC, h.paper_id
            """)
        var seen: Set<String> = []
        var history: [(paper: ForYouProfile.HistoryPaper, at: Int64)] = []
        for row in rows {
            let id = try row.string("paper_id")
            guard seen.insert(id).inserted else { continue }
            let paper = ForYouProfile.HistoryPaper(
                id: id, title: try row.string("title"), saved: row.optionalInt("saved") == 1,
                authors: StringList.decode(row.optionalString("authors")))
            history.append((paper, row.optionalInt64("at") ?? 0))
        }
        return history.sorted { ($0.at, $1.paper.id) > ($1.at, $0.paper.id) }.map(\.paper)
    }

    /// A short text that changes whenever the member saves, upvotes, follows or dismisses something (counts and
    /// latest times of each): a cached ranking is still theirs while it is the same, on every instance.
    public func signature(userId: Int64) async throws -> String {
        let parts: [(table: String, time: String)] = [
            ("saved_papers", "saved_at"), ("votes", "created_at"), ("follows", "created_at"), ("dismissed_papers", "dismissed_at"),
        ]
        let selects = parts.map { part -> SQLQuery in
            """
            (SELECT COUNT(*) FROM \(unsafeRaw: part.table) WHERE user_id = \(userId)) AS \(unsafeRaw: part.table)_n,
            (SELECT MAX(\(unsafeRaw: part.time)) FROM \(unsafeRaw: part.table) WHERE user_id = \(userId)) AS \(unsafeRaw: part.table)_at
            """
        }
        guard let row = try await database.query("SELECT \(SQLQuery.joined(selects, separator: ", "))").first else { return "" }
        return parts.map { "\(row.optionalInt64($0.table + "_n") ?? 0):\(row.optionalInt64($0.table + "_at") ?? 0)" }.joined(separator: ",")
    }

    /// Which of `paperIds` the collections `collectionIds` hold, each with one collection's title (public ones only:
    /// a collection made private stops feeding its followers).
    public func collectionPapers(collectionIds: [String], among paperIds: Set<String>) async throws -> [String: String] {
        guard !collectionIds.isEmpty else { return [:] }
        var found: [String: String] = [:]
        for chunk in collectionIds.bindChunks() {
            let rows = try await database.query(
                """
                SELECT i.paper_id, c.title FROM collection_items i JOIN collections c ON c.id = i.collection_id
                WHERE i.collection_id IN (\(list: chunk)) AND c.private = 0
                """)
            for row in rows {
                let id = try row.string("paper_id")
                if paperIds.contains(id), found[id] == nil { found[id] = try row.string("title") }
            }
        }
        return found
    }

    /// The newest day on or before `day` on which papers were featured or announced new: where a week of "For you"
    /// ends (the day itself on a site that harvests, the last day of an archive that does not).
    public func latestDay(onOrBefore day: Day) async throws -> Day? {
        let row = try await database.query(
            """
            SELECT (SELECT MAX(featured_on) FROM papers WHERE featured_on <= \(day.description)) AS featured,
                (SELECT MAX(announced_on) FROM papers WHERE announced_on <= \(day.description)) AS announced
            """
        ).first
        return [row?.optionalString("featured"), row?.optionalString("announced")].compactMap { $0.flatMap(Day.init(iso:)) }.max()
    }
}
