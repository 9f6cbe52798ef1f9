import PapersCore

/// The paper store on any `SQLDatabase`: one set of queries for SQLite and PostgreSQL.
public struct SQLPaperStore: Sendable {
    let database: any SQLDatabase

    public init(database: any SQLDatabase) {
        self.database = database
    }

    /// arXiv's announcements and the category pages, on the same database.
    public var listings: SQLListingStore { SQLListingStore(database: database) }

    /// The change log the derived indexes follow, on the same database.
    public var changeLog: PaperChangeLog { PaperChangeLog(database: database) }

    /// The columns as the site shows them: source counts plus what members did here.
    static let columns = columnList(
        upvotes: "p.upvotes + p.community_upvotes AS upvotes, p.community_upvotes",
        comments: "p.num_comments + p.community_comments AS num_comments, p.community_comments"
    )
    /// The columns as the sources gave them: what import compares against and export writes out.
    static let sourceColumns = columnList(upvotes: "p.upvotes", comments: "p.num_comments")

    private static func columnList(upvotes: String, comments: String) -> String {
        """
        p.id, p.arxiv_id, p.title, p.abstract, p.authors, p.author_count, p.published_at, p.featured_on,
        p.submitted_at, p.submitted_by, p.submitted_here, \(upvotes), \(comments), p.organization, o.fullname AS organization_fullname,
        p.github_repo, p.github_stars, p.project_page, p.ai_summary, p.ai_keywords, p.categories, p.arxiv_comments,
        p.journal_ref, p.doi, p.license, p.media_urls, p.position, p.hub, p.announced_on, p.announce_type, p.version_count,
        p.latest_version_at, p.withdrawn
        """
    }

    /// Papers with code: the repository Hugging Face links, or a GitHub or GitLab address in the abstract (the
    /// addresses `CodeLinks` shows, and any that merely names the host).
    static let hasCode = "(p.github_repo IS NOT NULL OR lower(p.abstract) LIKE '%github.com/%' OR lower(p.abstract) LIKE '%gitlab.com/%')"

    /// Papers a moderator hid are left out of every listing, page and API answer.
    static let visible = "p.hidden_reason IS NULL"
    /// The same for a list that holds paper ids (saved papers, a collection's items) without joining `papers`:
    /// the hidden few are found through their own partial index (migration 18).
    static func notHidden(_ column: String) -> String {
        "\(column) NOT IN (SELECT id FROM papers WHERE hidden_reason IS NOT NULL)"
    }
    static let from = "papers p LEFT JOIN organizations o ON o.name = p.organization"

    public func paper(id: String) async throws -> Paper? {
        let rows = try await database.query(
            "SELECT \(unsafeRaw: Self.columns) FROM \(unsafeRaw: Self.from) WHERE p.id = \(id) AND \(unsafeRaw: Self.visible)")
        return try rows.first.map(PaperRow.decode)
    }

    public func featuredPapers(_ query: FeedQuery) async throws -> [Paper] {
        let rows = try await database.query(
            """
            SELECT \(unsafeRaw: Self.columns) FROM \(unsafeRaw: Self.from) WHERE \(feedFilter(query))
            ORDER BY \(unsafeRaw: Self.orderBy(query.order))
            LIMIT \(query.limit) OFFSET \(query.offset)
            """
        )
        return try rows.map(PaperRow.decode)
    }

    /// The ORDER BY of each feed order (constants, never input).
    private static func orderBy(_ order: FeedQuery.Order) -> String {
        switch order {
            case .newestDayFirst: "p.featured_on DESC, p.upvotes + p.community_upvotes DESC, p.position IS NULL, p.position, p.id"
            case .mostUpvoted: "p.upvotes + p.community_upvotes DESC, p.featured_on DESC, p.position IS NULL, p.position, p.id"
        }
    }

    public func countFeaturedPapers(_ query: FeedQuery) async throws -> Int {
        let rows = try await database.query("SELECT COUNT(*) AS n FROM papers p WHERE \(feedFilter(query))")
        return try rows.first?.int("n") ?? 0
    }

    public func featuredDays() async throws -> [Day] {
        let rows = try await database.query(
            "SELECT DISTINCT featured_on FROM papers WHERE featured_on IS NOT NULL AND hidden_reason IS NULL ORDER BY featured_on")
        return rows.compactMap { $0.optionalString("featured_on").flatMap { Day(iso: $0) } }
    }

    public func papersByPublication(after cursor: PublicationCursor?, limit: Int) async throws -> [Paper] {
        let after: SQLQuery
        if let cursor {
            let time = cursor.publishedAt.millisecondsSinceEpoch
            after = "AND (p.published_at < \(time) OR (p.published_at = \(time) AND p.id > \(cursor.id)))"
        } else {
            after = ""
        }
        let rows = try await database.query(
            """
            SELECT \(unsafeRaw: Self.columns) FROM \(unsafeRaw: Self.from)
            WHERE p.published_at IS NOT NULL AND \(unsafeRaw: Self.visible) \(after)
            ORDER BY p.published_at DESC, p.id LIMIT \(limit)
            """
        )
        return try rows.map(PaperRow.decode)
    }

    public func papers(byAuthor author: String, limit: Int, offset: Int) async throws -> [Paper] {
        // Authors are stored as a JSON array, so `"Name"` with its quotes matches one whole name; LIKE's own
        // wildcards in the name are escaped.
        let pattern = Self.likePattern(containing: String(StringList.encode([author]).dropFirst().dropLast()))
        let rows = try await database.query(
            """
            SELECT \(unsafeRaw: Self.columns) FROM \(unsafeRaw: Self.from)
            WHERE p.authors \(unsafeRaw: database.dialect == .postgres ? "ILIKE" : "LIKE") \(pattern) ESCAPE '!' AND \(unsafeRaw: Self.visible)
            ORDER BY p.published_at DESC, p.id LIMIT \(limit) OFFSET \(offset)
            """
        )
        return try rows.map(PaperRow.decode)
    }

    public func papersInIdOrder(after id: String?, limit: Int) async throws -> [Paper] {
        let rows = try await database.query(
            "SELECT \(unsafeRaw: Self.sourceColumns) FROM \(unsafeRaw: Self.from) WHERE p.id > \(id ?? "") ORDER BY p.id LIMIT \(limit)"
        )
        return try rows.map(PaperRow.decode)
    }

    public func count() async throws -> Int {
        try await database.query("SELECT COUNT(*) AS n FROM papers").first?.int("n") ?? 0
    }

    public func apply(_ updates: [PaperUpdate], at now: Timestamp) async throws -> ApplyCounts {
        guard !updates.isEmpty else { return ApplyCounts() }
        return try await database.transaction { connection in
            let stored = try await Self.existingPapers(ids: updates.map(\.paper.id), on: connection)
            let merged = Self.merge(updates, into: stored)
            for (asOf, organization) in merged.organizations.values { try await Self.upsert(organization, asOf: asOf, on: connection) }
            for start in stride(from: 0, to: merged.changed.count, by: PaperRow.batchSize) {
                try await connection.execute(PaperRow.upsert(merged.changed[start..<min(start + PaperRow.batchSize, merged.changed.count)], now: now))
            }
            try await Self.index(categories: merged.changed.filter { stored[$0.id]?.categories != $0.categories }, on: connection)
            return merged.counts
        }
    }

    /// What applying `updates` over the `stored` papers gives: the counts, each changed paper once (in order, as the
    /// last update left it) and the organizations to record. `apply` writes it; `preview` only counts it.
    static func merge(
        _ updates: [PaperUpdate], into stored: [String: Paper]
    ) -> (counts: ApplyCounts, changed: [Paper], organizations: [String: (asOf: String, organization: Organization)]) {
        var existing = stored
        var counts = ApplyCounts()
        var organizations: [String: (asOf: String, organization: Organization)] = [:]
        var changed: [String: Paper] = [:]
        var order: [String] = []
        for update in updates {
            let before = existing[update.paper.id]
            var after = update.applied(to: before)
            if let organization = after.organization {
                note(organization, asOf: after.featuredOn ?? after.publishedAt?.day, in: &organizations)
                // The display name lives with the organization, not the paper: a renamed organization changes no paper.
                if before?.organization?.name == organization.name { after.organization = before?.organization }
            }
            if before == after {
                counts.unchanged += 1
                continue
            }
            if changed.updateValue(after, forKey: after.id) == nil { order.append(after.id) }
            existing[after.id] = after
            if before == nil { counts.inserted += 1 } else { counts.updated += 1 }
        }
        return (counts, order.compactMap { changed[$0] }, organizations)
    }

    /// Keeps, per organization, the record an upsert would keep: the newest day, ties to the greater name.
    private static func note(
        _ organization: Organization, asOf day: Day?, in organizations: inout [String: (asOf: String, organization: Organization)]
    ) {
        let asOf = day?.description ?? ""
        if let kept = organizations[organization.name], (kept.asOf, kept.organization.fullname) >= (asOf, organization.fullname) { return }
        organizations[organization.name] = (asOf, organization)
    }

    private func feedFilter(_ query: FeedQuery) -> SQLQuery {
        var conditions: [SQLQuery] = ["p.featured_on IS NOT NULL AND \(unsafeRaw: Self.visible)"]
        if let days = query.days {
            conditions.append("p.featured_on BETWEEN \(days.lowerBound.description) AND \(days.upperBound.description)")
        }
        if let submitter = query.submitter { conditions.append("p.submitted_by = \(submitter)") }
        if let organization = query.organization { conditions.append("p.organization = \(organization)") }
        if query.hasCode { conditions.append("\(unsafeRaw: Self.hasCode)") }
        return SQLQuery.joined(conditions, separator: " AND ")
    }

    static func existingPapers(ids: [String], on connection: any SQLConnection) async throws -> [String: Paper] {
        var papers: [String: Paper] = [:]
        for chunk in ids.bindChunks() {
            let rows = try await connection.query("SELECT \(unsafeRaw: sourceColumns) FROM \(unsafeRaw: from) WHERE p.id IN (\(list: chunk))")
            for row in rows {
                let paper = try PaperRow.decode(row)
                papers[paper.id] = paper
            }
        }
        return papers
    }

    /// The papers' categories as rows of `paper_categories`, which category pages and `cat:` read: the old rows of
    /// each paper go, the new ones come in statements of many rows.
    private static func index(categories papers: [Paper], on connection: any SQLConnection) async throws {
        for chunk in papers.map(\.id).bindChunks() {
            try await connection.execute("DELETE FROM paper_categories WHERE paper_id IN (\(list: chunk))")
        }
        var rows: [SQLQuery] = []
        for paper in papers {
            var seen = Set<String>()
            for (position, category) in paper.categories.enumerated() where !category.isEmpty && seen.insert(category).inserted {
                rows.append("(\(paper.id), \(category), \(position))")
            }
        }
        for start in stride(from: 0, to: rows.count, by: SQLQuery.maximumListLength) {
            let chunk = Array(rows[start..<min(start + SQLQuery.maximumListLength, rows.count)])
            try await connection.execute(
                "INSERT INTO paper_categories (paper_id, category, position) VALUES \(SQLQuery.joined(chunk, separator: ", "))")
        }
    }

    /// Records an organization; its display name follows the record with the newest day (ties: the greater name),
    /// so importing the same files in any order, any number of times, gives the same name.
    private static func upsert(_ organization: Organization, asOf: String, on connection: any SQLConnection) async throws {
        try await connection.execute(
            """
            INSERT INTO organizations (name, fullname, fullname_as_of) VALUES (\(organization.name), \(organization.fullname), \(asOf))
            ON CONFLICT (name) DO UPDATE SET fullname = excluded.fullname, fullname_as_of = excluded.fullname_as_of
            WHERE excluded.fullname_as_of > organizations.fullname_as_of
               OR (excluded.fullname_as_of = organizations.fullname_as_of AND excluded.fullname > organizations.fullname)
            """
        )
    }
}
