import PapersCore

/// The JSON shapes of Hugging Face's papers API, kept apart from `Paper` so the wire format cannot drift with the schema.
enum HFPaperDTO {
    /// An item of `/api/daily_papers`: the nested paper plus the feed entry's own fields.
    struct DailyItem: Encodable {
        let paper: PaperBody
        let publishedAt: String?
        let title: String
        let summary: String
        let mediaUrls: [String]
        /// Also at the top level: huggingface_hub reads `paper.upvotes` of 0 as None unless this is here.
        let upvotes: Int
        let numComments: Int
        let submittedBy: UserOverview?
        let organization: OrganizationDTO?
        let isAuthorParticipating: Bool
        let thumbnail: String?
        // Copies of nested fields at the top level: huggingface_hub's PaperInfo reads these only there.
        let ai_summary: String?
        let ai_keywords: [String]?
        let githubRepo: String?
        let githubStars: Int?
        let projectPage: String?
    }

    /// The paper inside a daily item.
    struct PaperBody: Encodable {
        let id: String
        let authors: [AuthorDTO]
        let publishedAt: String?
        var submittedOnDailyAt: String?
        let submittedOnDailyBy: UserOverview?
        let title: String
        let summary: String
        let upvotes: Int
        let discussionId: String
        let ai_summary: String?
        let ai_keywords: [String]?
        let githubRepo: String?
        let githubStars: Int?
        let projectPage: String?
        let organization: OrganizationDTO?
    }

    /// `/api/papers/{id}` and the items of `/api/papers`: the paper's fields at the top level, plus its comment count,
    /// categories, featured day and media.
    struct FlatPaper: Encodable {
        let paper: PaperBody
        let numComments: Int
        let categories: [String]?
        let featuredOn: String?
        let mediaUrls: [String]

        private enum Keys: String, CodingKey { case numComments, categories, featuredOn, mediaUrls }

        func encode(to encoder: any Encoder) throws {
            try paper.encode(to: encoder)
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(numComments, forKey: .numComments)
            try container.encodeIfPresent(categories, forKey: .categories)
            try container.encodeIfPresent(featuredOn, forKey: .featuredOn)
            try container.encode(mediaUrls, forKey: .mediaUrls)
        }
    }

    struct AuthorDTO: Encodable {
        let _id: String
        let name: String
        let hidden: Bool
        /// The Hugging Face user who claimed this authorship, and the claim's status.
        let user: UserOverview?
        let status: String?
    }

    struct UserOverview: Encodable {
        let _id: String
        let avatarUrl: String
        let fullname: String
        let name: String
        let user: String
        let type: String
        let isPro: Bool
    }

    struct OrganizationDTO: Encodable {
        let _id: String
        let name: String
        let fullname: String
        let avatarUrl: String
    }

    struct ErrorBody: Encodable {
        let error: String
    }

    static func dailyItem(_ paper: Paper) -> DailyItem {
        let body = paperBody(paper)
        let enteredFeed = Trending.featuredTime(of: paper).map(\.description)
        return DailyItem(
            paper: body,
            publishedAt: enteredFeed,
            title: paper.title,
            summary: body.summary,
            mediaUrls: paper.mediaUrls,
            upvotes: paper.upvotes,
            numComments: paper.numComments,
            submittedBy: body.submittedOnDailyBy,
            organization: body.organization,
            isAuthorParticipating: paper.hub?.isAuthorParticipating ?? false,
            thumbnail: paper.hub?.thumbnail,
            ai_summary: paper.aiSummary,
            ai_keywords: paper.aiKeywords.isEmpty ? nil : paper.aiKeywords,
            githubRepo: paper.githubRepo,
            githubStars: paper.githubStars,
            projectPage: paper.projectPage
        )
    }

    static func paperBody(_ paper: Paper) -> PaperBody {
        PaperBody(
            id: paper.id,
            authors: authors(paper),
            publishedAt: paper.publishedAt?.description,
            submittedOnDailyAt: Trending.featuredTime(of: paper).map(\.description),
            submittedOnDailyBy: paper.submittedBy.map { submitter(named: $0, of: paper) },
            title: paper.title,
            summary: paper.hub?.summary ?? paper.abstract,
            upvotes: paper.upvotes,
            discussionId: paper.hub?.discussionId ?? ObjectID.make("discussion:" + paper.id),
            ai_summary: paper.aiSummary,
            ai_keywords: paper.aiKeywords.isEmpty ? nil : paper.aiKeywords,
            githubRepo: paper.githubRepo,
            githubStars: paper.githubStars,
            projectPage: paper.projectPage,
            organization: paper.organization.map { organization($0, avatar: paper.hub?.organizationAvatar) }
        )
    }

    static func flat(_ paper: Paper) -> FlatPaper {
        var body = paperBody(paper)
        if paper.featuredOn == nil { body.submittedOnDailyAt = nil }
        return FlatPaper(
            paper: body,
            numComments: paper.numComments,
            categories: paper.categories.isEmpty ? nil : paper.categories,
            featuredOn: paper.featuredOn?.description,
            mediaUrls: paper.mediaUrls
        )
    }

    static func authors(_ paper: Paper) -> [AuthorDTO] {
        let claims = Dictionary((paper.hub?.authorClaims ?? []).map { ($0.index, $0) }, uniquingKeysWith: { first, _ in first })
        return paper.authors.enumerated().map { index, name in
            AuthorDTO(_id: ObjectID.make("author:\(paper.id):\(index)"), name: name, hidden: false, user: claims[index].map { user($0.user) }, status: claims[index]?.status)
        }
    }

    /// The submitter as Hugging Face showed them when the record says, else a plain user of that name.
    static func submitter(named username: String, of paper: Paper) -> UserOverview {
        if let known = paper.hub?.submitter, known.username == username { return user(known) }
        return UserOverview(_id: ObjectID.make("user:" + username), avatarUrl: "", fullname: username, name: username, user: username, type: "user", isPro: false)
    }

    static func user(_ hub: HubUser) -> UserOverview {
        UserOverview(
            _id: hub.id ?? ObjectID.make("user:" + hub.username), avatarUrl: hub.avatarUrl ?? "", fullname: hub.fullname, name: hub.username,
            user: hub.username, type: "user", isPro: hub.isPro
        )
    }

    static func organization(_ organization: Organization, avatar: String? = nil) -> OrganizationDTO {
        OrganizationDTO(_id: ObjectID.make("org:" + organization.name), name: organization.name, fullname: organization.fullname, avatarUrl: avatar ?? "")
    }
}

extension HFPaperDTO {
    /// An item of `/api/papers/{id}/similar`: the paper as `/api/papers/{id}` gives it, plus its cosine similarity.
    struct SimilarPaper: Encodable {
        let paper: FlatPaper
        let similarity: Double

        private enum Keys: String, CodingKey { case similarity }

        func encode(to encoder: any Encoder) throws {
            try paper.encode(to: encoder)
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode((similarity * 10_000).rounded() / 10_000, forKey: .similarity)
        }
    }
}
