import PapersCore

/// DailyPapers' own lossless format: a `Paper` with a schema tag, one per line.
enum OwnFormat {
    static let schema = "dailypapers.paper/1"

    struct Record: Decodable {
        let schema: String
        let paper: Paper

        private enum Keys: String, CodingKey { case schema }

        init(from decoder: any Decoder) throws {
            schema = try decoder.container(keyedBy: Keys.self).decode(String.self, forKey: .schema)
            paper = try Paper(from: decoder)
        }
    }

    /// A paper with its schema tag, as `export` writes it.
    struct Line: Encodable {
        let paper: Paper

        private enum Keys: String, CodingKey { case schema }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(OwnFormat.schema, forKey: .schema)
            try paper.encode(to: encoder)
        }
    }

    static func update(_ record: Record) throws(RecordError) -> PaperUpdate {
        guard record.schema == schema else {
            throw RecordError(field: "schema", "is \(record.schema), this version reads \(schema)")
        }
        var paper = record.paper
        paper.title = try Validation.title(paper.title)
        paper.abstract = try Validation.abstract(paper.abstract)
        paper.authors = try Validation.authors(paper.authors)
        guard PaperIdentity.isPlausiblePaperId(paper.id) else { throw RecordError(field: "id", "is not a paper id: \(paper.id.prefix(40))") }
        // Every field that becomes a link or a path is checked as strictly as in the other formats.
        if let arxivId = paper.arxivId {
            guard let normalized = PaperIdentity.normalizedArxivId(arxivId), normalized == paper.id else {
                throw RecordError(field: "arxivId", "is not the arXiv id of the paper \(paper.id): \(arxivId.prefix(40))")
            }
            paper.arxivId = normalized
        }
        paper.githubRepo = try Validation.url(paper.githubRepo, field: "githubRepo")
        paper.projectPage = try Validation.url(paper.projectPage, field: "projectPage")
        paper.mediaUrls = try Validation.urls(paper.mediaUrls, field: "mediaUrls")
        paper.organization = try Validation.organization(name: paper.organization?.name, fullname: paper.organization?.fullname)
        paper.submittedBy = try Validation.text(paper.submittedBy, field: "submittedBy")
        paper.aiSummary = try Validation.text(paper.aiSummary, field: "aiSummary")
        return PaperUpdate(paper: paper, fields: Set(PaperField.allCases))
    }
}
