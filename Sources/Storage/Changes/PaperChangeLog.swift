import PapersCore

/// The paper change log that every derived index follows (`paper_changes`, written by triggers on `papers`), and
/// the papers as those indexes read them.
public struct PaperChangeLog: Sendable {
    let database: any SQLDatabase

    public init(database: any SQLDatabase) {
        self.database = database
    }

    /// The newest number in the change log (0 when it is empty).
    public func latestChangeSeq() async throws -> Int64 {
        try await database.query("SELECT COALESCE(MAX(seq), 0) AS seq FROM paper_changes").first?.optionalInt64("seq") ?? 0
    }

    /// Up to `limit` changes a reader at `cursor` has not seen: after its highest number, and its open gaps.
    public func changes(since cursor: PaperChangeCursor, limit: Int) async throws -> [PaperChange] {
        try await changes(after: cursor.highest, retrying: cursor.openGaps, limit: limit)
    }

    /// Up to `limit` changes numbered after `seq`, plus any of `retried` (numbers skipped earlier), in order.
    public func changes(after seq: Int64, retrying retried: [Int64] = [], limit: Int) async throws -> [PaperChange] {
        let again: SQLQuery = retried.isEmpty ? "" : "OR seq IN (\(list: retried.prefix(SQLQuery.maximumListLength)))"
        let rows = try await database.query("SELECT seq, paper_id FROM paper_changes WHERE seq > \(seq) \(again) ORDER BY seq LIMIT \(limit)")
        return try rows.map { PaperChange(seq: $0.optionalInt64("seq") ?? 0, paperId: try $0.string("paper_id")) }
    }

    /// The visible papers among `ids`, as the keyword index reads them (hidden, deleted and unknown ids are left out).
    public func searchablePapers(ids: [String]) async throws -> [SearchablePaper] {
        var papers: [SearchablePaper] = []
        for chunk in ids.bindChunks() {
            let rows = try await database.query(
                "SELECT \(unsafeRaw: Self.searchableColumns) FROM \(unsafeRaw: SQLPaperStore.from) WHERE p.id IN (\(list: chunk)) AND \(unsafeRaw: SQLPaperStore.visible)"
            )
            papers += try rows.map(Self.searchablePaper)
        }
        return papers
    }

    /// Up to `limit` visible papers with ids after `id`, in id order: how an index reads every paper.
    public func searchablePapers(after id: String?, limit: Int) async throws -> [SearchablePaper] {
        let after: SQLQuery = id.map { "AND p.id > \($0)" } ?? ""
        let rows = try await database.query(
            "SELECT \(unsafeRaw: Self.searchableColumns) FROM \(unsafeRaw: SQLPaperStore.from) WHERE \(unsafeRaw: SQLPaperStore.visible) \(after) ORDER BY p.id LIMIT \(limit)"
        )
        return try rows.map(Self.searchablePaper)
    }

    private static let searchableColumns = "p.id, p.title, p.abstract, p.authors, p.organization, o.fullname AS organization_fullname"

    private static func searchablePaper(_ row: SQLRow) throws -> SearchablePaper {
        SearchablePaper(
            paperId: try row.string("id"), title: try row.string("title"), abstract: try row.string("abstract"),
            authors: StringList.decode(row.optionalString("authors")),
            organization: [row.optionalString("organization"), row.optionalString("organization_fullname")].compactMap { $0 }
        )
    }
}
