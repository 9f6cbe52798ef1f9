import PapersCore

extension SQLVoteStore {
    /// Every vote of the member with its time, oldest first (for the account export).
    public func votes(userId: Int64) async throws -> [(paperId: String, at: Timestamp)] {
        try await database.query("SELECT paper_id, created_at FROM votes WHERE user_id = \(userId) ORDER BY created_at, paper_id").map {
            (try $0.string("paper_id"), Timestamp(millisecondsSinceEpoch: $0.optionalInt64("created_at") ?? 0))
        }
    }
}

extension SQLCommentStore {
    /// Every comment the member wrote, oldest first (deleted ones keep their place, without their text).
    public func comments(userId: Int64) async throws -> [Comment] {
        try await database.query(
            """
            SELECT \(unsafeRaw: Self.commentColumns) FROM comments c LEFT JOIN users u ON u.id = c.user_id
            WHERE c.user_id = \(userId) ORDER BY c.created_at, c.id
            """
        ).map(Self.comment)
    }
}

extension SQLCollectionStore {
    /// Every collection the member owns, with every item (for the account export).
    public func collections(ownedBy userId: Int64) async throws -> [PaperCollection] {
        let rows = try await database.query(
            "SELECT \(unsafeRaw: Self.columns) FROM collections c WHERE c.owner_user_id = \(userId) ORDER BY c.created_at, c.id")
        var collections = try rows.map(Self.collection)
        var items: [String: [CollectionItem]] = [:]
        for chunk in collections.map(\.id).bindChunks() { items.merge(try await self.items(of: Array(chunk), firstOnly: nil)) { first, _ in first } }
        for index in collections.indices { collections[index].items = items[collections[index].id] ?? [] }
        return collections
    }
}
