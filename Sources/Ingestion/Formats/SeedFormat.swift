import HubFormat
import PapersCore

/// The bundled sample: the cards of the reference listing page, which shows counts rather than author names.
enum SeedFormat {
    /// The date of the reference page, when every sample card was on the feed.
    static let pageDay = Day(year: 2025, month: 11, day: 3)

    struct Record: Decodable {
        let arxivId: String?
        let title: String?
        let abstract: String?
        let authorCount: Int?
        let organization: Hub.Organization?
        let publishedAt: String?
        let upvotes: Int?
        let codeUrls: [String]?
        let position: Int?
    }

    static func update(_ record: Record) throws(RecordError) -> PaperUpdate {
        let title = try Validation.title(record.title)
        let identity = try Validation.identity(arxivId: record.arxivId, title: title, field: "arxivId")
        let paper = Paper(
            id: identity.id,
            arxivId: identity.arxivId,
            title: title,
            abstract: try Validation.abstract(record.abstract),
            authorCount: try Validation.count(record.authorCount, field: "authorCount"),
            publishedAt: try Validation.timestamp(record.publishedAt, field: "publishedAt"),
            featuredOn: pageDay,
            upvotes: try Validation.count(record.upvotes, field: "upvotes"),
            organization: try record.organization?.organization(),
            position: record.position
        )
        var fields: Set<PaperField> = [.title, .abstract, .featuredOn, .upvotes]
        if record.authorCount != nil { fields.insert(.authorCount) }
        if identity.arxivId != nil { fields.insert(.arxivId) }
        fields.formUnion(FieldPresence.carried(by: paper))
        return PaperUpdate(paper: paper, fields: fields)
    }
}
