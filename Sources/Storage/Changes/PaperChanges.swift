import PapersCore

/// One entry of the paper change log: this paper's text or visibility changed (or it was added or deleted).
public struct PaperChange: Sendable, Equatable {
    public let seq: Int64
    public let paperId: String

    public init(seq: Int64, paperId: String) {
        self.seq = seq
        self.paperId = paperId
    }
}

extension [PaperChange] {
    /// Each paper the changes name, once.
    public var paperIds: [String] { [String](Set(map(\.paperId))) }
}

/// What the keyword index reads of a visible paper: the words it ranks on.
public struct SearchablePaper: Sendable, Equatable {
    public let paperId: String
    public let title: String
    public let abstract: String
    public let authors: [String]
    /// The organization's short name and display name, when the paper has one.
    public let organization: [String]

    public init(paperId: String, title: String, abstract: String, authors: [String], organization: [String]) {
        self.paperId = paperId
        self.title = title
        self.abstract = abstract
        self.authors = authors
        self.organization = organization
    }
}

extension SQLPaperStore {
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
                "SELECT \(unsafeRaw: Self.searchableColumns) FROM \(unsafeRaw: Self.from) WHERE p.id IN (\(list: chunk)) AND \(unsafeRaw: Self.visible)"
            )
            papers += try rows.map(Self.searchablePaper)
        }
        return papers
    }

    /// Up to `limit` visible papers with ids after `id`, in id order: how an index reads every paper.
    public func searchablePapers(after id: String?, limit: Int) async throws -> [SearchablePaper] {
        let after: SQLQuery = id.map { "AND p.id > \($0)" } ?? ""
        let rows = try await database.query(
            "SELECT \(unsafeRaw: Self.searchableColumns) FROM \(unsafeRaw: Self.from) WHERE \(unsafeRaw: Self.visible) \(after) ORDER BY p.id LIMIT \(limit)"
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
