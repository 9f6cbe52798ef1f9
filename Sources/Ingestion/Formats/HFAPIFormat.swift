import HubFormat
import PapersCore

/// An item of a Hugging Face `/api/daily_papers` response, in its 2024 or 2026 schema.
enum HFAPIFormat {
    static func update(_ item: Hub.DailyItem) throws(RecordError) -> PaperUpdate {
        guard let source = item.paper else { throw RecordError(field: "paper", "is missing") }
        let title = try Validation.title(item.title ?? source.title)
        guard let rawId = source.id, !rawId.isEmpty else { throw RecordError(field: "paper.id", "is missing") }
        let identity = try Validation.identity(arxivId: rawId, title: title, field: "paper.id")
        let submittedAt = try Validation.timestamp(source.submittedOnDailyAt, field: "paper.submittedOnDailyAt")
        // The 2024 schema has no submittedOnDailyAt: its top-level publishedAt is the time the paper entered the feed.
        let topLevelTime = try Validation.timestamp(item.publishedAt, field: "publishedAt")
        let enteredFeed = submittedAt ?? topLevelTime
        let shown = (source.authors ?? []).filter { $0.hidden != true && $0.name != nil }
        let authors = shown.compactMap(\.name)
        let paper = Paper(
            id: identity.id,
            arxivId: identity.arxivId,
            title: title,
            abstract: try Validation.abstract(source.summary, field: "paper.summary"),
            authors: try Validation.authors(authors, field: "paper.authors"),
            publishedAt: try Validation.timestamp(source.publishedAt, field: "paper.publishedAt"),
            featuredOn: enteredFeed?.day,
            submittedAt: enteredFeed,
            submittedBy: try Validation.username((source.submittedOnDailyBy ?? item.submittedBy)?.username, field: "submittedBy"),
            upvotes: try Validation.count(source.upvotes, field: "paper.upvotes"),
            numComments: try Validation.count(item.numComments, field: "numComments"),
            organization: try (source.organization ?? item.organization)?.organization(),
            githubRepo: try Validation.url(source.githubRepo, field: "paper.githubRepo"),
            githubStars: source.githubStars,
            projectPage: try Validation.url(source.projectPage, field: "paper.projectPage"),
            aiSummary: try Validation.text(source.ai_summary, field: "paper.ai_summary"),
            aiKeywords: source.ai_keywords ?? [],
            mediaUrls: try Validation.urls(item.mediaUrls ?? source.mediaUrls ?? [], field: "mediaUrls"),
            hub: try HubJSON.details(item, source, shown: shown)
        )
        var fields: Set<PaperField> = [.arxivId, .title, .abstract, .upvotes, .numComments]
        if source.authors != nil { fields.formUnion([.authors, .authorCount]) }
        if paper.featuredOn != nil { fields.insert(.featuredOn) }
        fields.formUnion(FieldPresence.carried(by: paper))
        if paper.hub != nil { fields.insert(.hub) }
        return PaperUpdate(paper: paper, fields: fields)
    }
}
