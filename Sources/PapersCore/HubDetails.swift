/// What a Hugging Face record says beyond the paper itself — the discussion, who submitted it and how they look,
/// which authors claimed the paper, the organization's avatar, the thumbnail, the summary exactly as given — kept
/// from `hf-api` imports so the API can serve it back as Hugging Face did.
public struct HubDetails: Sendable, Equatable, Codable {
    public var discussionId: String?
    public var submitter: HubUser?
    /// Claims by Hugging Face users, by position in the paper's author list.
    public var authorClaims: [HubAuthorClaim]
    public var organizationAvatar: String?
    public var thumbnail: String?
    public var isAuthorParticipating: Bool?
    /// The abstract with its line breaks, as the record gave it.
    public var summary: String?

    public init(
        discussionId: String? = nil, submitter: HubUser? = nil, authorClaims: [HubAuthorClaim] = [], organizationAvatar: String? = nil,
        thumbnail: String? = nil, isAuthorParticipating: Bool? = nil, summary: String? = nil
    ) {
        self.discussionId = discussionId
        self.submitter = submitter
        self.authorClaims = authorClaims
        self.organizationAvatar = organizationAvatar
        self.thumbnail = thumbnail
        self.isAuthorParticipating = isAuthorParticipating
        self.summary = summary
    }

    /// Whether the record said nothing worth keeping.
    public var isEmpty: Bool { self == HubDetails() }
}

/// A Hugging Face user as records show them: the handle, the display name, the avatar and the Pro badge.
public struct HubUser: Sendable, Equatable, Codable {
    public var id: String?
    public var username: String
    public var fullname: String
    public var avatarUrl: String?
    public var isPro: Bool

    public init(id: String? = nil, username: String, fullname: String, avatarUrl: String? = nil, isPro: Bool = false) {
        self.id = id
        self.username = username
        self.fullname = fullname
        self.avatarUrl = avatarUrl
        self.isPro = isPro
    }
}

/// An author's claim of a paper on Hugging Face: the author's position, the claiming user and the claim's status.
public struct HubAuthorClaim: Sendable, Equatable, Codable {
    public var index: Int
    public var user: HubUser
    public var status: String?

    public init(index: Int, user: HubUser, status: String?) {
        self.index = index
        self.user = user
        self.status = status
    }
}
