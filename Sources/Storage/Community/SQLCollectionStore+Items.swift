import PapersCore

extension SQLCollectionStore {
    /// Adds a paper at the end; a paper already there is a conflict (Hugging Face answers 409), and a full
    /// collection is refused.
    public func addItem(_ item: CollectionItem, to collectionId: String, at now: Timestamp) async throws -> CollectionItem {
        try await database.transaction { connection in
            let present = try await connection.query(
                "SELECT id FROM collection_items WHERE collection_id = \(collectionId) AND paper_id = \(item.paperId)")
            guard present.isEmpty else { throw CommunityError.conflict("Paper \(item.paperId) is already in this collection.") }
            let count =
                try await connection.query("SELECT item_count FROM collections WHERE id = \(collectionId)").first?.optionalInt("item_count") ?? 0
            guard count < CollectionRules.maximumItems else {
                throw CommunityError.conflict("A collection holds at most \(CollectionRules.maximumItems) papers.")
            }
            var added = item
            added.position = count
            _ = try await connection.execute(
                """
                INSERT INTO collection_items (id, collection_id, paper_id, position, note, added_at)
                VALUES (\(added.id), \(collectionId), \(added.paperId), \(added.position), \(added.note), \(now.millisecondsSinceEpoch))
                """)
            try await Self.touch(collectionId, itemsAdded: 1, now, connection)
            return added
        }
    }

    /// Changes an item's note (`.some(nil)` removes it) and moves it to `position` (clamped to the list), shifting
    /// the items between. False when the collection has no such item.
    public func updateItem(_ itemId: String, in collectionId: String, note: String??, position: Int?, at now: Timestamp) async throws -> Bool {
        try await database.transaction { connection in
            let rows = try await connection.query(
                "SELECT position FROM collection_items WHERE id = \(itemId) AND collection_id = \(collectionId)")
            guard let current = rows.first?.optionalInt("position") else { return false }
            if let note { _ = try await connection.execute("UPDATE collection_items SET note = \(note) WHERE id = \(itemId)") }
            if let position {
                let count =
                    try await connection.query("SELECT item_count FROM collections WHERE id = \(collectionId)").first?.optionalInt("item_count") ?? 1
                let target = min(max(0, position), max(0, count - 1))
                if target < current {
                    _ = try await connection.execute(
                        """
                        UPDATE collection_items SET position = position + 1
                        WHERE collection_id = \(collectionId) AND position >= \(target) AND position < \(current)
                        """)
                } else if target > current {
                    _ = try await connection.execute(
                        """
                        UPDATE collection_items SET position = position - 1
                        WHERE collection_id = \(collectionId) AND position > \(current) AND position <= \(target)
                        """)
                }
                _ = try await connection.execute("UPDATE collection_items SET position = \(target) WHERE id = \(itemId)")
            }
            try await Self.touch(collectionId, itemsAdded: 0, now, connection)
            return true
        }
    }

    /// Removes an item and closes the gap it leaves. False when the collection has no such item.
    public func deleteItem(_ itemId: String, from collectionId: String, at now: Timestamp) async throws -> Bool {
        try await database.transaction { connection in
            let rows = try await connection.query(
                "SELECT position FROM collection_items WHERE id = \(itemId) AND collection_id = \(collectionId)")
            guard let position = rows.first?.optionalInt("position") else { return false }
            _ = try await connection.execute("DELETE FROM collection_items WHERE id = \(itemId)")
            _ = try await connection.execute(
                "UPDATE collection_items SET position = position - 1 WHERE collection_id = \(collectionId) AND position > \(position)")
            try await Self.touch(collectionId, itemsAdded: -1, now, connection)
            return true
        }
    }

    /// Adds or withdraws `userId`'s upvote (doing it twice changes nothing); the collection's upvotes after.
    public func setUpvote(_ upvoted: Bool, collectionId: String, userId: Int64, at now: Timestamp) async throws -> Int {
        try await database.transaction { connection in
            let changed =
                upvoted
                ? try await connection.execute(
                    """
                    INSERT INTO collection_upvotes (collection_id, user_id, created_at) VALUES (\(collectionId), \(userId), \(now.millisecondsSinceEpoch))
                    ON CONFLICT (collection_id, user_id) DO NOTHING
                    """)
                : try await connection.execute("DELETE FROM collection_upvotes WHERE collection_id = \(collectionId) AND user_id = \(userId)")
            if changed > 0 {
                _ = try await connection.execute("UPDATE collections SET upvotes = upvotes + \(upvoted ? 1 : -1) WHERE id = \(collectionId)")
            }
            return try await connection.query("SELECT upvotes FROM collections WHERE id = \(collectionId)").first?.optionalInt("upvotes") ?? 0
        }
    }

    /// Whether `userId` upvoted the collection.
    public func hasUpvoted(collectionId: String, userId: Int64) async throws -> Bool {
        !(try await database.query("SELECT user_id FROM collection_upvotes WHERE collection_id = \(collectionId) AND user_id = \(userId)")).isEmpty
    }

    private static func touch(_ collectionId: String, itemsAdded: Int, _ now: Timestamp, _ connection: any SQLConnection) async throws {
        _ = try await connection.execute(
            "UPDATE collections SET item_count = item_count + \(itemsAdded), updated_at = \(now.millisecondsSinceEpoch) WHERE id = \(collectionId)")
    }
}
