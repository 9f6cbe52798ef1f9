import PapersCore
import Storage

/// Collections of papers: who may create, see and change them, and the checks every input passes first. A
/// private collection is invisible — answered as missing — to everyone but its owner (or its organization's members).
public struct CollectionService: Sendable {
    let store: SQLCollectionStore
    let organizations: SQLOrganizationStore
    let papers: SQLPaperStore
    let clock: @Sendable () -> Timestamp

    public init(store: SQLCollectionStore, organizations: SQLOrganizationStore, papers: SQLPaperStore, clock: @escaping @Sendable () -> Timestamp) {
        self.store = store
        self.organizations = organizations
        self.papers = papers
        self.clock = clock
    }

    /// What a new collection or a change to one says; nil fields are left as they are (or take their default).
    public struct Details: Sendable {
        public var title: String?
        public var description: String?
        public var isPrivate: Bool?
        public var theme: String?

        public init(title: String? = nil, description: String? = nil, isPrivate: Bool? = nil, theme: String? = nil) {
            self.title = title
            self.description = description
            self.isPrivate = isPrivate
            self.theme = theme
        }
    }

    /// Creates a collection owned by `user`, or by `namespace` when it names an organization they belong to.
    public func create(_ details: Details, namespace: String?, by user: User) async throws -> PaperCollection {
        let title = try CollectionRules.title(details.title ?? "")
        let description = try CollectionRules.description(details.description ?? "")
        let theme = try CollectionRules.theme(details.theme)
        let owner = try await owner(namespace, for: user)
        let now = clock()
        let collection = PaperCollection(
            id: Self.newId(), owner: owner.name, ownerIsOrganization: owner.isOrganization, title: title, description: description,
            isPrivate: details.isPrivate ?? false, theme: theme, createdAt: now, updatedAt: now)
        try await store.create(collection, ownerUserId: owner.isOrganization ? nil : user.id)
        return collection
    }

    /// The collection a slug names, with every item, when `viewer` may see it; else 404.
    public func collection(slug: String, viewer: User?) async throws -> PaperCollection {
        guard let (owner, id) = CollectionRules.parse(slug: slug), let collection = try await store.collection(id: id, viewer: viewer?.id),
            owner == nil || owner?.lowercased() == collection.owner.lowercased()
        else { throw CommunityError.notFound("No collection '\(slug)' is here, or it is private.") }
        return collection
    }

    /// Collections `viewer` may see that match `query`.
    public func list(_ query: CollectionQuery, viewer: User?) async throws -> [PaperCollection] {
        try await store.list(query, viewer: viewer?.id)
    }

    /// How many collections of `owner` the viewer may see.
    public func count(owner: String, viewer: User?) async throws -> Int {
        try await store.count(owner: owner, viewer: viewer?.id)
    }

    public func update(slug: String, _ details: Details, by user: User) async throws -> PaperCollection {
        let collection = try await editable(slug, by: user)
        try await store.update(
            id: collection.id, title: try details.title.map(CollectionRules.title),
            description: try details.description.map(CollectionRules.description),
            isPrivate: details.isPrivate, theme: try details.theme.map { try CollectionRules.theme($0) }, at: clock())
        return try await self.collection(slug: collection.id, viewer: user)
    }

    public func delete(slug: String, by user: User) async throws {
        try await store.delete(id: try await editable(slug, by: user).id)
    }

    /// Adds a paper (a version suffix is dropped: `2410.11779v2` is `2410.11779`); 409 when it is there already.
    public func addPaper(_ rawId: String, note: String?, to slug: String, by user: User) async throws -> PaperCollection {
        let collection = try await editable(slug, by: user)
        let id = PaperIdentity.normalizedArxivId(rawId) ?? rawId
        guard try await papers.paper(id: id) != nil else { throw CommunityError.notFound("No paper with id '\(rawId)' is in DailyPapers.") }
        let item = CollectionItem(id: Self.newId(), paperId: id, position: 0, note: try CollectionRules.note(note), addedAt: clock())
        _ = try await store.addItem(item, to: collection.id, at: clock())
        return try await self.collection(slug: collection.id, viewer: user)
    }

    /// Changes an item's note (an empty note removes it) or moves it to `position`.
    public func updateItem(_ itemId: String, in slug: String, note: String?, position: Int?, by user: User) async throws -> PaperCollection {
        let collection = try await editable(slug, by: user)
        let checkedNote: String?? = try note.map { try CollectionRules.note($0) }
        guard try await store.updateItem(itemId, in: collection.id, note: checkedNote, position: position, at: clock()) else {
            throw CommunityError.notFound("This collection has no item '\(itemId)'.")
        }
        return try await self.collection(slug: collection.id, viewer: user)
    }

    public func removeItem(_ itemId: String, from slug: String, by user: User) async throws {
        let collection = try await editable(slug, by: user)
        guard try await store.deleteItem(itemId, from: collection.id, at: clock()) else {
            throw CommunityError.notFound("This collection has no item '\(itemId)'.")
        }
    }

    /// Upvotes (or withdraws the upvote of) a collection `user` can see; its upvotes after.
    public func upvote(_ upvoted: Bool, slug: String, by user: User) async throws -> Int {
        let collection = try await collection(slug: slug, viewer: user)
        return try await store.setUpvote(upvoted, collectionId: collection.id, userId: user.id, at: clock())
    }

    /// Whether `user` may change the collection.
    public func mayEdit(_ collection: PaperCollection, user: User?) async throws -> Bool {
        guard let user else { return false }
        return try await store.mayEdit(collectionId: collection.id, userId: user.id)
    }

    /// The collection, which `user` must be allowed to change (a collection they cannot see is missing to them).
    private func editable(_ slug: String, by user: User) async throws -> PaperCollection {
        let collection = try await collection(slug: slug, viewer: user)
        guard try await store.mayEdit(collectionId: collection.id, userId: user.id) else {
            throw CommunityError.forbidden("Only \(collection.owner) can change this collection.")
        }
        return collection
    }

    /// Who owns a new collection: the member, or an organization they belong to.
    private func owner(_ namespace: String?, for user: User) async throws -> (name: String, isOrganization: Bool) {
        guard let namespace, namespace.lowercased() != user.username.lowercased() else { return (user.username, false) }
        guard let organization = try await organizations.organization(named: namespace) else {
            throw CommunityError.notFound("There is no organization or member '\(namespace)' you can create a collection for.")
        }
        guard try await organizations.membership(of: user.id, in: organization.name) != nil else {
            throw CommunityError.forbidden("Only members of \(organization.name) create its collections.")
        }
        return (organization.name, true)
    }

    /// A new id: 24 random hex digits.
    static func newId() -> String {
        String(Secrets.make().prefix(24))
    }
}

extension CollectionService {
    /// Whether `user` upvoted the collection.
    public func hasUpvoted(_ collection: PaperCollection, by user: User) async throws -> Bool {
        try await store.hasUpvoted(collectionId: collection.id, userId: user.id)
    }
}
