/// A research paper as DailyPapers knows it: its metadata, where it was featured and how the community received it.
public struct Paper: Sendable, Equatable, Codable {
    /// The paper's id: its arXiv id when it has one, otherwise a stable id derived from its title.
    public var id: String
    /// The arXiv identifier, e.g. `2410.11779` or `quant-ph/0210005`, when the paper is on arXiv.
    public var arxivId: String?
    public var title: String
    public var abstract: String
    /// Author names in order. Empty when a source gives only a count (see `authorCount`).
    public var authors: [String]
    /// The number of authors: the length of `authors`, or the count a source gave without names.
    public var authorCount: Int
    /// When the paper was first published (on arXiv, for arXiv papers).
    public var publishedAt: Timestamp?
    /// The day the paper was featured on the daily feed, if it was.
    public var featuredOn: Day?
    /// When the paper was submitted to the daily feed.
    public var submittedAt: Timestamp?
    /// The username of whoever submitted it to the daily feed.
    public var submittedBy: String?
    /// Whether `submittedBy` is a member here, not a Hugging Face user named by an import.
    public var submittedHere = false
    /// Upvotes and comments in all: the source's counts plus what members did here (`community`).
    public var upvotes: Int
    public var numComments: Int
    /// What members did here; the rest of `upvotes` and `numComments` came with the source (Hugging Face).
    public var community = CommunityCounts()
    public var organization: Organization?
    public var githubRepo: String?
    public var githubStars: Int?
    public var projectPage: String?
    public var aiSummary: String?
    public var aiKeywords: [String]
    /// arXiv categories, primary first, e.g. `["cs.CL", "cs.AI"]`.
    public var categories: [String]
    /// Extra arXiv metadata from snapshot imports: comments, journal reference, DOI, license.
    public var arxivComments: String?
    public var journalRef: String?
    public var doi: String?
    public var license: String?
    /// Media attached to the daily-feed submission (images, videos).
    public var mediaUrls: [String]
    /// The paper's position in its source listing, used to break upvote ties in a stable order.
    public var position: Int?
    /// What a Hugging Face record carried beyond the paper (submitter's profile, author claims, discussion).
    public var hub: HubDetails?
    /// The paper's first announcement in arXiv's daily listing, when it was harvested from one.
    public var announcement: Announcement?
    /// Its versions as arXiv's records give them.
    public var versions: ArxivVersions?

    public init(
        id: String,
        arxivId: String? = nil,
        title: String,
        abstract: String,
        authors: [String] = [],
        authorCount: Int? = nil,
        publishedAt: Timestamp? = nil,
        featuredOn: Day? = nil,
        submittedAt: Timestamp? = nil,
        submittedBy: String? = nil,
        submittedHere: Bool = false,
        upvotes: Int = 0,
        numComments: Int = 0,
        organization: Organization? = nil,
        githubRepo: String? = nil,
        githubStars: Int? = nil,
        projectPage: String? = nil,
        aiSummary: String? = nil,
        aiKeywords: [String] = [],
        categories: [String] = [],
        arxivComments: String? = nil,
        journalRef: String? = nil,
        doi: String? = nil,
        license: String? = nil,
        mediaUrls: [String] = [],
        position: Int? = nil,
        hub: HubDetails? = nil,
        announcement: Announcement? = nil,
        versions: ArxivVersions? = nil,
        community: CommunityCounts = CommunityCounts()
    ) {
        self.id = id
        self.arxivId = arxivId
        self.title = title
        self.abstract = abstract
        self.authors = authors
        self.authorCount = authorCount ?? authors.count
        self.publishedAt = publishedAt
        self.featuredOn = featuredOn
        self.submittedAt = submittedAt
        self.submittedBy = submittedBy
        self.submittedHere = submittedHere
        self.community = community
        self.upvotes = upvotes
        self.numComments = numComments
        self.organization = organization
        self.githubRepo = githubRepo
        self.githubStars = githubStars
        self.projectPage = projectPage
        self.aiSummary = aiSummary
        self.aiKeywords = aiKeywords
        self.categories = categories
        self.arxivComments = arxivComments
        self.journalRef = journalRef
        self.doi = doi
        self.license = license
        self.mediaUrls = mediaUrls
        self.hub = hub
        self.position = position
        self.announcement = announcement
        self.versions = versions
    }

    /// What export writes and import reads: the paper, not this site's state (`submittedHere`, `community`).
    enum CodingKeys: String, CodingKey {
        case id, arxivId, title, abstract, authors, authorCount, publishedAt, featuredOn, submittedAt, submittedBy, upvotes
        case numComments, organization, githubRepo, githubStars, projectPage, aiSummary, aiKeywords, categories
        case arxivComments, journalRef, doi, license, mediaUrls, position, hub, announcement, versions
    }

    /// The primary arXiv category (the first one), e.g. `cs.CL`.
    public var primaryCategory: String? { categories.first }

    /// The upvotes and comments the source (Hugging Face) counted, without ours.
    public var sourceCounts: CommunityCounts {
        CommunityCounts(upvotes: upvotes - community.upvotes, comments: numComments - community.comments)
    }
}

/// Upvotes and comments counted in one place: members' here, or a source's.
public struct CommunityCounts: Sendable, Equatable, Codable {
    public var upvotes: Int
    public var comments: Int

    public init(upvotes: Int = 0, comments: Int = 0) {
        self.upvotes = upvotes
        self.comments = comments
    }
}

/// An organization that claimed a paper, e.g. `nvidia` / "NVIDIA".
public struct Organization: Sendable, Equatable, Hashable, Codable {
    /// The organization's handle, used in URLs.
    public var name: String
    /// The organization's display name.
    public var fullname: String

    public init(name: String, fullname: String) {
        self.name = name
        self.fullname = fullname
    }
}
