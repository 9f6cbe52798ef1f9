import PapersCore

/// What a list of collections asks for: those holding a paper, of an owner, whose title holds some words; in order.
public struct CollectionQuery: Sendable {
    /// How a list is ordered.
    public enum Order: String, Sendable { case lastModified, upvotes, created }

    public var paperId: String?
    public var owner: String?
    public var titleContains: String?
    public var order: Order
    public var limit: Int
    public var offset: Int

    public init(paperId: String? = nil, owner: String? = nil, titleContains: String? = nil, order: Order = .lastModified, limit: Int, offset: Int = 0)
    {
        self.paperId = paperId
        self.owner = owner
        self.titleContains = titleContains
        self.order = order
        self.limit = limit
        self.offset = offset
    }
}

/// Collections and their items on any `SQLDatabase`. Reads take the viewer's member id: a private collection is
/// seen only by its owner, or by the members of the organization that owns it. Each write is one transaction.
public struct SQLCollectionStore: Sendable {
    let database: any SQLDatabase
    /// How many items each collection of a list carries, as Hugging Face's lists do.
    public static let itemsInLists = 4

    public init(database: any SQLDatabase) {
        self.database = database
    }

    /// Stores a new collection, refused past `CollectionRules.maximumCollectionsPerOwner` for one owner.
    public func create(_ collection: PaperCollection, ownerUserId: Int64?) async throws {
        try await database.transaction { connection in
            let owned = try await connection.query("SELECT COUNT(*) AS n FROM collections WHERE owner_key = \(collection.owner.lowercased())")
            guard (owned.first?.optionalInt("n") ?? 0) < CollectionRules.maximumCollectionsPerOwner else {
                throw CommunityError.conflict(
                    "\(collection.owner) has \(CollectionRules.maximumCollectionsPerOwner) collections, the most one owner may keep.")
            }
            _ = try await connection.execute(
                """
                INSERT INTO collections (id, owner, owner_key, owner_user_id, owner_organization, title, description, private, theme,
                    created_at, updated_at)
                VALUES (\(collection.id), \(collection.owner), \(collection.owner.lowercased()), \(ownerUserId),
                    \(collection.ownerIsOrganization ? collection.owner : nil), \(collection.title), \(collection.description),
                    \(collection.isPrivate ? 1 : 0), \(collection.theme.rawValue), \(collection.createdAt.millisecondsSinceEpoch),
                    \(collection.updatedAt.millisecondsSinceEpoch))
                """)
        }
    }

    /// The collection with every item, if `viewer` may see it.
    public func collection(id: String, viewer: Int64?) async throws -> PaperCollection? {
        let rows = try await database.query("SELECT \(unsafeRaw: Self.columns) FROM collections c WHERE c.id = \(id) AND \(Self.visible(to: viewer))")
        guard var collection = try rows.first.map(Self.collection) else { return nil }
        collection.items = try await items(of: [id], firstOnly: nil)[id] ?? []
        return collection
    }

    /// Collections matching `query` that `viewer` may see, each with its first few items.
    public func list(_ query: CollectionQuery, viewer: Int64?) async throws -> [PaperCollection] {
        var conditions: [SQLQuery] = [Self.visible(to: viewer)]
        if let paperId = query.paperId { conditions.append("c.id IN (SELECT collection_id FROM collection_items WHERE paper_id = \(paperId))") }
        if let owner = query.owner { conditions.append("c.owner_key = \(owner.lowercased())") }
        if let words = query.titleContains {
            conditions.append("lower(c.title) LIKE \(SQLPaperStore.likePattern(containing: words.lowercased())) ESCAPE '!'")
        }
        let order =
            switch query.order {
                case .lastModified: "c.updated_at DESC, c.id"
                case .upvotes: "c.upvotes DESC, c.updated_at DESC, c.id"
                case .created: "c.created_at DESC, c.id"
            }
        let rows = try await database.query(
            """
            SELECT \(unsafeRaw: Self.columns) FROM collections c WHERE \(SQLQuery.joined(conditions, separator: " AND "))
            ORDER BY \(unsafeRaw: order) LIMIT \(query.limit) OFFSET \(query.offset)
            """)
        var collections = try rows.map(Self.collection)
        let items = try await items(of: collections.map(\.id), firstOnly: Self.itemsInLists)
        for index in collections.indices { collections[index].items = items[collections[index].id] ?? [] }
        return collections
    }

    /// Whether `userId` may change the collection: its owner, or a member of the organization that owns it.
    public func mayEdit(collectionId: String, userId: Int64) async throws -> Bool {
        let rows = try await database.query(
            """
            SELECT c.id FROM collections c WHERE c.id = \(collectionId) AND (c.owner_user_id = \(userId)
                OR c.owner_organization IN (SELECT organization FROM organization_members WHERE user_id = \(userId)))
            """)
        return !rows.isEmpty
    }

    /// Changes what is given (nil leaves a field as it is).
    public func update(id: String, title: String?, description: String?, isPrivate: Bool?, theme: CollectionTheme?, at now: Timestamp) async throws {
        _ = try await database.execute(
            """
            UPDATE collections SET title = COALESCE(\(title), title), description = COALESCE(\(description), description),
                private = COALESCE(\(isPrivate.map { $0 ? 1 : 0 }), private), theme = COALESCE(\(theme?.rawValue), theme),
                updated_at = \(now.millisecondsSinceEpoch)
            WHERE id = \(id)
            """)
    }

    /// Deletes the collection with its items and upvotes.
    /// Deletes a collection, and every member's follow of it.
    public func delete(id: String) async throws {
        try await database.transaction { connection in
            _ = try await connection.execute("DELETE FROM follows WHERE kind = 'collection' AND value_key = \(id)")
            _ = try await connection.execute("DELETE FROM collections WHERE id = \(id)")
        }
    }

    /// The owner's collections, for their overview: how many, public ones only unless the viewer may see more.
    public func count(owner: String, viewer: Int64?) async throws -> Int {
        try await database.query("SELECT COUNT(*) AS n FROM collections c WHERE c.owner_key = \(owner.lowercased()) AND \(Self.visible(to: viewer))")
            .first?.optionalInt("n") ?? 0
    }

    static let columns =
        "c.id, c.owner, c.owner_organization, c.title, c.description, c.private, c.theme, c.upvotes, c.item_count, c.created_at, c.updated_at"

    /// The condition under which `viewer` sees a collection.
    static func visible(to viewer: Int64?) -> SQLQuery {
        let id = viewer ?? -1
        return """
            (c.private = 0 OR c.owner_user_id = \(id)
                OR c.owner_organization IN (SELECT organization FROM organization_members WHERE user_id = \(id)))
            """
    }

    static func collection(_ row: SQLRow) throws -> PaperCollection {
        PaperCollection(
            id: try row.string("id"), owner: try row.string("owner"), ownerIsOrganization: row.optionalString("owner_organization") != nil,
            title: try row.string("title"), description: try row.string("description"), isPrivate: try row.int("private") != 0,
            theme: CollectionTheme(rawValue: try row.string("theme")) ?? .orange, upvotes: try row.int("upvotes"),
            createdAt: Timestamp(millisecondsSinceEpoch: row.optionalInt64("created_at") ?? 0),
            updatedAt: Timestamp(millisecondsSinceEpoch: row.optionalInt64("updated_at") ?? 0), itemCount: try row.int("item_count"))
    }

    /// The items of the collections, in order; the first `firstOnly` of each when given.
    func items(of ids: [String], firstOnly: Int?) async throws -> [String: [CollectionItem]] {
        guard !ids.isEmpty else { return [:] }
        let limit: SQLQuery = firstOnly.map { "AND position < \($0)" } ?? ""
        let rows = try await database.query(
            """
            SELECT id, collection_id, paper_id, position, note, added_at FROM collection_items
            WHERE collection_id IN (\(list: ids)) \(limit) ORDER BY collection_id, position
            """)
        var items: [String: [CollectionItem]] = [:]
        for row in rows {
            let item = CollectionItem(
                id: try row.string("id"), paperId: try row.string("paper_id"), position: try row.int("position"), note: row.optionalString("note"),
                addedAt: Timestamp(millisecondsSinceEpoch: row.optionalInt64("added_at") ?? 0))
            items[try row.string("collection_id"), default: []].append(item)
        }
        return items
    }
}
