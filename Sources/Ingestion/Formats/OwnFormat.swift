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
        return PaperUpdate(paper: paper, fields: Set(PaperField.allCases))
    }
}
