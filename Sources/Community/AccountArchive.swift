import PapersCore

/// Everything a member has here, as one JSON document (`GET /settings/export.json`; the schema is in README.md):
/// their profile, votes, comments, organizations, collections with every item and note, and reading list.
public struct AccountArchive: Encodable, Sendable {
    public let format = "dailypapers-account"
    public let version = 1
    public let exportedAt: Timestamp
    public let profile: Profile
    public let votes: [Vote]
    public let comments: [CommentRecord]
    public let organizations: [Membership]
    public let collections: [CollectionRecord]
    public let savedPapers: [Saved]
    /// What the member follows, the papers they marked "not interested", and their personal digest (left out: none).
    public let follows: [Followed]
    public let notInterested: [String]
    public let personalDigest: String?

    /// The account itself.
    public struct Profile: Encodable, Sendable {
        let username: String
        let email: String
        let role: String
        let emailVerified: Bool
        let createdAt: Timestamp
    }

    /// An upvote of a paper.
    public struct Vote: Encodable, Sendable {
        let paperId: String
        let votedAt: Timestamp
    }

    /// A comment as written (Markdown), or a deleted one's place.
    public struct CommentRecord: Encodable, Sendable {
        let id: Int64
        let paperId: String
        let parentId: Int64?
        let body: String
        let createdAt: Timestamp
        let editedAt: Timestamp?
        let deleted: Bool
    }

    /// An organization the member belongs to, and their role in it.
    public struct Membership: Encodable, Sendable {
        let name: String
        let role: String
    }

    /// A collection with every paper in order.
    public struct CollectionRecord: Encodable, Sendable {
        let slug: String
        let title: String
        let description: String
        let `private`: Bool
        let theme: String
        let upvotes: Int
        let createdAt: Timestamp
        let updatedAt: Timestamp
        let items: [Item]

        /// A paper of the collection.
        struct Item: Encodable, Sendable {
            let paperId: String
            let position: Int
            let note: String?
            let addedAt: Timestamp
        }
    }

    /// Something the member follows.
    public struct Followed: Encodable, Sendable {
        let kind: String
        let value: String
    }

    /// A paper on the reading list.
    public struct Saved: Encodable, Sendable {
        let paperId: String
        let savedAt: Timestamp
        let readAt: Timestamp?
        let note: String?
    }
}
