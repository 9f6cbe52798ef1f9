import HubFormat
import PapersCore

/// Our papers in Hugging Face's JSON shape (`Hub`): every field huggingface.co sends, with ids made up where we have
/// none, so `huggingface_hub` reads our answers as it reads theirs.
enum HFPaperDTO {
    /// `/api/papers/{id}` and the items of `/api/papers`: the paper's fields at the top level, plus its comment count,
    /// categories, featured day and media.
    struct FlatPaper: Encodable {
        let paper: Hub.Paper
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

    struct ErrorBody: Encodable {
        let error: String
    }

    static func dailyItem(_ paper: Paper) -> Hub.DailyItem {
        let body = paperBody(paper)
        var item = Hub.DailyItem(paper: body)
        item.publishedAt = Trending.featuredTime(of: paper).map(\.description)
        item.title = paper.title
        item.summary = body.summary
        item.mediaUrls = paper.mediaUrls
        item.upvotes = paper.upvotes
        item.numComments = paper.numComments
        item.submittedBy = body.submittedOnDailyBy
        item.organization = body.organization
        item.isAuthorParticipating = paper.hub?.isAuthorParticipating ?? false
        item.thumbnail = paper.hub?.thumbnail
        item.ai_summary = body.ai_summary
        item.ai_keywords = body.ai_keywords
        item.githubRepo = body.githubRepo
        item.githubStars = body.githubStars
        item.projectPage = body.projectPage
        return item
    }

    static func paperBody(_ paper: Paper) -> Hub.Paper {
        var body = Hub.Paper(id: paper.id)
        body.authors = authors(paper)
        body.publishedAt = paper.publishedAt?.description
        body.submittedOnDailyAt = Trending.featuredTime(of: paper).map(\.description)
        body.submittedOnDailyBy = paper.submittedBy.map { submitter(named: $0, of: paper) }
        body.title = paper.title
        body.summary = paper.hub?.summary ?? paper.abstract
        body.upvotes = paper.upvotes
        body.discussionId = paper.hub?.discussionId ?? ObjectID.make("discussion:" + paper.id)
        body.ai_summary = paper.aiSummary
        body.ai_keywords = paper.aiKeywords.isEmpty ? nil : paper.aiKeywords
        body.githubRepo = paper.githubRepo
        body.githubStars = paper.githubStars
        body.projectPage = paper.projectPage
        body.organization = paper.organization.map { organization($0, avatar: paper.hub?.organizationAvatar) }
        return body
    }

    static func flat(_ paper: Paper) -> FlatPaper {
        var body = paperBody(paper)
        if paper.featuredOn == nil { body.submittedOnDailyAt = nil }
        return FlatPaper(
            paper: body, numComments: paper.numComments, categories: paper.categories.isEmpty ? nil : paper.categories,
            featuredOn: paper.featuredOn?.description, mediaUrls: paper.mediaUrls
        )
    }

    static func authors(_ paper: Paper) -> [Hub.Author] {
        let claims = Dictionary((paper.hub?.authorClaims ?? []).map { ($0.index, $0) }, uniquingKeysWith: { first, _ in first })
        return paper.authors.enumerated().map { index, name in
            Hub.Author(
                _id: ObjectID.make("author:\(paper.id):\(index)"), name: name, hidden: false, user: claims[index].map { user($0.user) },
                status: claims[index]?.status)
        }
    }

    /// The submitter as Hugging Face showed them when the record says, else a plain user of that name.
    static func submitter(named username: String, of paper: Paper) -> Hub.User {
        if let known = paper.hub?.submitter, known.username == username { return user(known) }
        return member(username)
    }

    /// A user of this site (or a name without an account) in Hugging Face's shape.
    static func member(_ username: String) -> Hub.User {
        Hub.User(_id: ObjectID.make("user:" + username), avatarUrl: "", fullname: username, username: username, isPro: false)
    }

    static func user(_ hub: HubUser) -> Hub.User {
        Hub.User(
            _id: hub.id ?? ObjectID.make("user:" + hub.username), avatarUrl: hub.avatarUrl ?? "", fullname: hub.fullname, username: hub.username,
            isPro: hub.isPro)
    }

    static func organization(_ organization: Organization, avatar: String? = nil) -> Hub.Organization {
        Hub.Organization(
            _id: ObjectID.make("org:" + organization.name), name: organization.name, fullname: organization.fullname, avatarUrl: avatar ?? "")
    }

    /// A comment as the API answers a new one.
    static func message(_ comment: Comment) -> Hub.NewMessage {
        let data = Hub.MessageData(raw: comment.body, html: comment.html, updatedAt: comment.createdAt.description)
        let message = Hub.Message(
            id: String(comment.id), createdAt: comment.createdAt.description, author: member(comment.author ?? ""), data: data,
            parentId: comment.parentId.map { String($0) }
        )
        return Hub.NewMessage(newMessage: message)
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
