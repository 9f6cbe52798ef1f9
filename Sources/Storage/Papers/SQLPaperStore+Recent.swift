import PapersCore

extension SQLPaperStore {
    /// The papers featured, or announced new by arXiv, from `first` through `last`: what "For you" ranks. Both
    /// halves read their own index (`papers_featured`, `papers_announced`).
    public func recentPapers(from first: Day, through last: Day) async throws -> [RecentPaper] {
        let (from, through) = (first.description, last.description)
        let rows = try await database.query(
            """
            SELECT p.id, p.title, p.abstract, p.authors, p.organization, o.fullname AS organization_fullname, p.categories, p.featured_on,
                p.announced_on, p.upvotes + p.community_upvotes AS upvotes
            FROM \(unsafeRaw: Self.from)
            WHERE \(unsafeRaw: Self.visible) AND (
                (p.featured_on >= \(from) AND p.featured_on <= \(through))
                OR (p.announced_on >= \(from) AND p.announced_on <= \(through) AND p.announce_type = 'new'))
            ORDER BY p.id
            """)
        return try rows.compactMap { try Self.recent($0, within: first...last) }
    }

    private static func recent(_ row: SQLRow, within days: ClosedRange<Day>) throws -> RecentPaper? {
        let featured = row.optionalString("featured_on").flatMap(Day.init(iso:))
        let announced = row.optionalString("announced_on").flatMap(Day.init(iso:))
        guard let day = [featured, announced].compactMap({ $0 }).filter(days.contains).max() else { return nil }
        return RecentPaper(
            id: try row.string("id"), title: try row.string("title"), abstract: try row.string("abstract"),
            authors: StringList.decode(row.optionalString("authors")),
            organization: row.optionalString("organization"), organizationFullname: row.optionalString("organization_fullname"),
            categories: StringList.decode(row.optionalString("categories")), day: day, featured: featured != nil,
            upvotes: row.optionalInt("upvotes") ?? 0)
    }
}
