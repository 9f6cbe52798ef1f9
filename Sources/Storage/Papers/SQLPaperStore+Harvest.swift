import PapersCore

/// What a harvest reads before it writes: the stored papers it compares against, and dry runs.
extension SQLPaperStore {
    /// The stored papers with these ids as their sources gave them (hidden ones too): what a harvest compares against.
    public func sourcePapers(ids: [String]) async throws -> [String: Paper] {
        try await database.withConnection { connection in try await Self.existingPapers(ids: ids, on: connection) }
    }

    /// Which of `ids` are stored (hidden papers too): an index-only look-up, for harvests that keep what they hold.
    public func knownIds(among ids: [String]) async throws -> Set<String> {
        var known = Set<String>()
        for chunk in ids.bindChunks() {
            for row in try await database.query("SELECT id FROM papers WHERE id IN (\(list: chunk))") {
                if let id = row.optionalString("id") { known.insert(id) }
            }
        }
        return known
    }

    /// What applying `updates` would do, without writing anything (`--dry-run`).
    public func preview(_ updates: [PaperUpdate]) async throws -> ApplyCounts {
        Self.merge(updates, into: try await sourcePapers(ids: updates.map(\.paper.id))).counts
    }

    /// `p` is in any of `categories`.
    static func inCategories(_ categories: [String]) -> SQLQuery {
        "p.id IN (SELECT paper_id FROM paper_categories WHERE category IN (\(list: categories)))"
    }
}
