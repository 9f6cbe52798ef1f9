import PapersCore
import Storage

/// Assembles a member's `AccountArchive` from every store that holds something of theirs.
public struct AccountExportService: Sendable {
    let votes: SQLVoteStore
    let comments: SQLCommentStore
    let organizations: SQLOrganizationStore
    let collections: SQLCollectionStore
    let readingLists: SQLReadingListStore
    let follows: SQLFollowStore
    let digests: SQLPersonalDigestStore
    let clock: @Sendable () -> Timestamp

    public init(database: any SQLDatabase, clock: @escaping @Sendable () -> Timestamp) {
        votes = SQLVoteStore(database: database)
        comments = SQLCommentStore(database: database)
        organizations = SQLOrganizationStore(database: database)
        collections = SQLCollectionStore(database: database)
        readingLists = SQLReadingListStore(database: database)
        follows = SQLFollowStore(database: database)
        digests = SQLPersonalDigestStore(database: database)
        self.clock = clock
    }

    public func archive(of user: User) async throws -> AccountArchive {
        var memberships: [AccountArchive.Membership] = []
        for organization in try await organizations.organizations(of: user.id) {
            let role = try await organizations.membership(of: user.id, in: organization.name)
            memberships.append(.init(name: organization.name, role: role?.rawValue ?? OrganizationRole.member.rawValue))
        }
        let saved = try await readingLists.entries(userId: user.id, filter: ReadingListFilter(), limit: SQLReadingListStore.maximumSaved)
        return AccountArchive(
            exportedAt: clock(),
            profile: .init(
                username: user.username, email: user.email, role: user.role.rawValue, emailVerified: user.emailVerified, createdAt: user.createdAt),
            votes: try await votes.votes(userId: user.id).map { .init(paperId: $0.paperId, votedAt: $0.at) },
            comments: try await comments.comments(userId: user.id).map {
                .init(
                    id: $0.id, paperId: $0.paperId, parentId: $0.parentId, body: $0.body, createdAt: $0.createdAt, editedAt: $0.editedAt,
                    deleted: $0.deleted)
            },
            organizations: memberships,
            collections: try await collections.collections(ownedBy: user.id).map(Self.record),
            savedPapers: saved.map { .init(paperId: $0.paperId, savedAt: $0.savedAt, readAt: $0.readAt, note: $0.note) },
            follows: try await follows.follows(userId: user.id).map { .init(kind: $0.kind.rawValue, value: $0.value) },
            notInterested: try await follows.dismissedIds(userId: user.id),
            personalDigest: try await digests.personalDigest(userId: user.id)?.rawValue)
    }

    static func record(_ collection: PaperCollection) -> AccountArchive.CollectionRecord {
        .init(
            slug: collection.slug, title: collection.title, description: collection.description, private: collection.isPrivate,
            theme: collection.theme.rawValue, upvotes: collection.upvotes, createdAt: collection.createdAt, updatedAt: collection.updatedAt,
            items: collection.items.map { .init(paperId: $0.paperId, position: $0.position, note: $0.note, addedAt: $0.addedAt) })
    }
}
