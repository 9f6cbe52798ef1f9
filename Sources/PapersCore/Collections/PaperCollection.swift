/// A collection of papers kept by a member or an organization, in Hugging Face's shape: addressed by a slug
/// `owner/title-words-<id>` whose id (24 hex digits) alone identifies it, so a renamed collection keeps its links.
public struct PaperCollection: Sendable, Equatable {
    /// 24 lowercase hex digits, as Hugging Face's object ids.
    public var id: String
    /// The member's username or the organization's name.
    public var owner: String
    public var ownerIsOrganization: Bool
    public var title: String
    public var description: String
    public var isPrivate: Bool
    public var theme: CollectionTheme
    public var upvotes: Int
    public var createdAt: Timestamp
    public var updatedAt: Timestamp
    /// The papers in order; a list of collections carries only the first few (`itemCount` says how many in all).
    public var items: [CollectionItem]
    public var itemCount: Int

    public init(
        id: String, owner: String, ownerIsOrganization: Bool, title: String, description: String = "", isPrivate: Bool = false,
        theme: CollectionTheme = .orange, upvotes: Int = 0, createdAt: Timestamp, updatedAt: Timestamp, items: [CollectionItem] = [],
        itemCount: Int = 0
    ) {
        self.id = id
        self.owner = owner
        self.ownerIsOrganization = ownerIsOrganization
        self.title = title
        self.description = description
        self.isPrivate = isPrivate
        self.theme = theme
        self.upvotes = upvotes
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.items = items
        self.itemCount = itemCount
    }

    /// `owner/title-words-<id>`.
    public var slug: String { "\(owner)/\(CollectionRules.words(of: title))-\(id)" }
}

/// A paper in a collection: its own id (24 hex digits), its place and the owner's note.
public struct CollectionItem: Sendable, Equatable {
    public var id: String
    public var paperId: String
    public var position: Int
    public var note: String?
    public var addedAt: Timestamp

    public init(id: String, paperId: String, position: Int, note: String?, addedAt: Timestamp) {
        self.id = id
        self.paperId = paperId
        self.position = position
        self.note = note
        self.addedAt = addedAt
    }
}

/// The colours Hugging Face offers for a collection.
public enum CollectionTheme: String, Sendable, CaseIterable {
    case orange, blue, green, purple, pink, indigo
}
