/// What one source record says about a paper: the paper as read, and which of its fields the source actually carries.
///
/// Merging an update into a stored paper overwrites only the fields the source carries, so importing an arXiv
/// snapshot never wipes the upvotes an earlier Daily Papers import brought.
public struct PaperUpdate: Sendable, Equatable {
    public var paper: Paper
    public var fields: Set<PaperField>

    public init(paper: Paper, fields: Set<PaperField>) {
        self.paper = paper
        self.fields = fields
    }

    /// The stored paper after this update: `existing` with the carried fields replaced, or the new paper.
    public func applied(to existing: Paper?) -> Paper {
        guard var merged = existing else { return paper }
        for field in fields { field.copy(from: paper, into: &merged) }
        return merged
    }
}

/// A field of `Paper` that a source may or may not carry.
public enum PaperField: String, Sendable, CaseIterable, Hashable {
    case arxivId, title, abstract, authors, authorCount, publishedAt, featuredOn, submittedAt, submittedBy
    case upvotes, numComments, organization, githubRepo, githubStars, projectPage, aiSummary, aiKeywords
    case categories, arxivComments, journalRef, doi, license, mediaUrls, position, hub, announcement, versions

    func copy(from source: Paper, into target: inout Paper) {
        switch self {
            case .arxivId: target.arxivId = source.arxivId
            case .title: target.title = source.title
            case .abstract: target.abstract = source.abstract
            case .authors: target.authors = source.authors
            case .authorCount: target.authorCount = source.authorCount
            case .publishedAt: target.publishedAt = source.publishedAt
            case .featuredOn: target.featuredOn = source.featuredOn
            case .submittedAt: target.submittedAt = source.submittedAt
            case .submittedBy: target.submittedBy = source.submittedBy
            case .upvotes: target.upvotes = source.upvotes
            case .numComments: target.numComments = source.numComments
            case .organization: target.organization = source.organization
            case .githubRepo: target.githubRepo = source.githubRepo
            case .githubStars: target.githubStars = source.githubStars
            case .projectPage: target.projectPage = source.projectPage
            case .aiSummary: target.aiSummary = source.aiSummary
            case .aiKeywords: target.aiKeywords = source.aiKeywords
            case .categories: target.categories = source.categories
            case .arxivComments: target.arxivComments = source.arxivComments
            case .journalRef: target.journalRef = source.journalRef
            case .doi: target.doi = source.doi
            case .license: target.license = source.license
            case .mediaUrls: target.mediaUrls = source.mediaUrls
            case .position: target.position = source.position
            case .hub: target.hub = source.hub
            case .announcement:
                // The first announcement stays: a paper cross-listed or replaced later was still new on its first day.
                if let first = target.announcement, let later = source.announcement, first.day <= later.day { return }
                target.announcement = source.announcement
            case .versions: target.versions = source.versions
        }
    }
}
