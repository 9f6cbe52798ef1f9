import HubFormat
import PapersCore

/// One Daily Papers entry per line, as in `hf-daily-papers.jsonl` (and its 2024 scraped companion).
enum HFDailyFormat {
    struct Record: Decodable {
        let arxivId: String?
        let title: String?
        let abstract: String?
        let authors: [String]?
        let publishedAt: String?
        let dailyDate: String?
        let submittedOnDailyAt: String?
        let submittedBy: String?
        let upvotes: Int?
        let numComments: Int?
        let organization: Hub.Organization?
        let githubRepo: String?
        let githubStars: Int?
        let projectPage: String?
        let aiSummary: String?
        let aiKeywords: [String]?
    }

    static func update(_ record: Record) throws(RecordError) -> PaperUpdate {
        let title = try Validation.title(record.title)
        guard let rawId = record.arxivId, !rawId.isEmpty else { throw RecordError(field: "arxivId", "is missing") }
        let identity = try Validation.identity(arxivId: rawId, title: title, field: "arxivId")
        guard let featuredOn = try Validation.day(record.dailyDate, field: "dailyDate") else {
            throw RecordError(field: "dailyDate", "is missing")
        }
        let paper = Paper(
            id: identity.id,
            arxivId: identity.arxivId,
            title: title,
            abstract: try Validation.abstract(record.abstract),
            authors: try Validation.authors(record.authors ?? []),
            publishedAt: try Validation.timestamp(record.publishedAt, field: "publishedAt"),
            featuredOn: featuredOn,
            submittedAt: try Validation.timestamp(record.submittedOnDailyAt, field: "submittedOnDailyAt"),
            submittedBy: try Validation.username(record.submittedBy, field: "submittedBy"),
            upvotes: try Validation.count(record.upvotes, field: "upvotes"),
            numComments: try Validation.count(record.numComments, field: "numComments"),
            organization: try record.organization?.organization(),
            githubRepo: try Validation.url(record.githubRepo, field: "githubRepo"),
            githubStars: record.githubStars,
            projectPage: try Validation.url(record.projectPage, field: "projectPage"),
            aiSummary: try Validation.text(record.aiSummary, field: "aiSummary"),
            aiKeywords: record.aiKeywords ?? []
        )
        var fields: Set<PaperField> = [.arxivId, .title, .abstract, .featuredOn, .upvotes, .numComments]
        if record.authors != nil { fields.formUnion([.authors, .authorCount]) }
        fields.formUnion(FieldPresence.carried(by: paper))
        return PaperUpdate(paper: paper, fields: fields)
    }
}

extension Hub.Organization {
    /// The organization `{"name": …, "fullname": …}` names, as every Hugging Face format writes one.
    func organization() throws(RecordError) -> PapersCore.Organization? {
        try Validation.organization(name: name, fullname: fullname)
    }
}

/// Which optional fields a paper read from a source actually holds: a null in a source never erases stored data.
enum FieldPresence {
    static func carried(by paper: Paper) -> Set<PaperField> {
        var fields: Set<PaperField> = []
        if paper.publishedAt != nil { fields.insert(.publishedAt) }
        if paper.submittedAt != nil { fields.insert(.submittedAt) }
        if paper.submittedBy != nil { fields.insert(.submittedBy) }
        if paper.organization != nil { fields.insert(.organization) }
        if paper.githubRepo != nil { fields.insert(.githubRepo) }
        if paper.githubStars != nil { fields.insert(.githubStars) }
        if paper.projectPage != nil { fields.insert(.projectPage) }
        if paper.aiSummary != nil { fields.insert(.aiSummary) }
        if !paper.aiKeywords.isEmpty { fields.insert(.aiKeywords) }
        if !paper.categories.isEmpty { fields.insert(.categories) }
        if paper.arxivComments != nil { fields.insert(.arxivComments) }
        if paper.journalRef != nil { fields.insert(.journalRef) }
        if paper.doi != nil { fields.insert(.doi) }
        if paper.license != nil { fields.insert(.license) }
        if !paper.mediaUrls.isEmpty { fields.insert(.mediaUrls) }
        if paper.position != nil { fields.insert(.position) }
        return fields
    }
}
