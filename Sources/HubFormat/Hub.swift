/// The JSON shapes of Hugging Face's papers API (`/api/daily_papers`, `/api/papers/{id}`, comments), defined once:
/// the importer decodes huggingface.co's answers with them and the API encodes ours, so the two cannot drift.
///
/// Every field is optional: Hugging Face's answers differ between its 2024 and 2026 schemas, and a field that is
/// nil is left out of what we write (the API's builders fill every field huggingface.co always sends).
public enum Hub {
    /// An item of `/api/daily_papers`: the nested paper plus the feed entry's own fields.
    public struct DailyItem: Codable, Sendable {
        public var paper: Paper?
        public var publishedAt: String?
        public var title: String?
        public var summary: String?
        public var mediaUrls: [String]?
        /// Also at the top level: huggingface_hub reads `paper.upvotes` of 0 as None unless this is here.
        public var upvotes: Int?
        public var numComments: Int?
        public var submittedBy: User?
        public var organization: Organization?
        public var isAuthorParticipating: Bool?
        public var thumbnail: String?
        // Copies of nested fields at the top level: huggingface_hub's PaperInfo reads these only there.
        public var ai_summary: String?
        public var ai_keywords: [String]?
        public var githubRepo: String?
        public var githubStars: Int?
        public var projectPage: String?
        /// DailyPapers only, on a member's "For you" items: why the paper is on their list.
        public var reason: String?

        public init(paper: Paper?) {
            self.paper = paper
        }
    }

    /// A paper as the API nests it in a daily item, or gives it alone.
    public struct Paper: Codable, Sendable {
        public var id: String?
        public var authors: [Author]?
        public var publishedAt: String?
        public var submittedOnDailyAt: String?
        public var submittedOnDailyBy: User?
        public var title: String?
        public var summary: String?
        public var upvotes: Int?
        public var discussionId: String?
        public var ai_summary: String?
        public var ai_keywords: [String]?
        public var githubRepo: String?
        public var githubStars: Int?
        public var projectPage: String?
        public var organization: Organization?
        public var mediaUrls: [String]?

        public init(id: String) {
            self.id = id
        }
    }

    /// An author of a paper, and the Hugging Face user who claimed the authorship.
    public struct Author: Codable, Sendable {
        public var _id: String?
        public var name: String?
        public var hidden: Bool?
        public var user: User?
        public var status: String?

        public init(_id: String?, name: String?, hidden: Bool?, user: User?, status: String?) {
            self._id = _id
            self.name = name
            self.hidden = hidden
            self.user = user
            self.status = status
        }
    }

    /// A user as Hugging Face shows one (`UserOverview`): submitters, claimed authors, comment authors.
    public struct User: Codable, Sendable {
        public var _id: String?
        public var avatarUrl: String?
        public var fullname: String?
        public var name: String?
        /// The username: huggingface_hub reads `user`, older answers only have `name`.
        public var user: String?
        public var type: String?
        public var isPro: Bool?

        public var username: String? { user ?? name }

        public init(_id: String?, avatarUrl: String?, fullname: String?, username: String, isPro: Bool?) {
            self._id = _id
            self.avatarUrl = avatarUrl
            self.fullname = fullname
            name = username
            user = username
            type = "user"
            self.isPro = isPro
        }
    }

    /// An organization a paper is attributed to.
    public struct Organization: Codable, Sendable {
        public var _id: String?
        public var name: String?
        public var fullname: String?
        public var avatarUrl: String?
        /// What the daily list's own records call the avatar; never written.
        public var avatar: String?

        public init(_id: String?, name: String, fullname: String, avatarUrl: String?) {
            self._id = _id
            self.name = name
            self.fullname = fullname
            self.avatarUrl = avatarUrl
        }

        public var avatarAddress: String? { avatarUrl ?? avatar }
    }
}
