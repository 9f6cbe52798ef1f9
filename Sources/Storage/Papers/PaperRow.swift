import Foundation
import PapersCore

/// Maps a `Paper` to its `papers` row and back.
enum PaperRow {
    static func decode(_ row: SQLRow) throws -> Paper {
        let organization = row.optionalString("organization").map { name in
            Organization(name: name, fullname: row.optionalString("organization_fullname") ?? name)
        }
        return Paper(
            id: try row.string("id"),
            arxivId: row.optionalString("arxiv_id"),
            title: try row.string("title"),
            abstract: try row.string("abstract"),
            authors: StringList.decode(row.optionalString("authors")),
            authorCount: try row.int("author_count"),
            publishedAt: row.optionalInt64("published_at").map(Timestamp.init(millisecondsSinceEpoch:)),
            featuredOn: row.optionalString("featured_on").flatMap { Day(iso: $0) },
            submittedAt: row.optionalInt64("submitted_at").map(Timestamp.init(millisecondsSinceEpoch:)),
            submittedBy: row.optionalString("submitted_by"),
            submittedHere: row.optionalInt("submitted_here") == 1,
            upvotes: try row.int("upvotes"),
            numComments: try row.int("num_comments"),
            organization: organization,
            githubRepo: row.optionalString("github_repo"),
            githubStars: row.optionalInt("github_stars"),
            projectPage: row.optionalString("project_page"),
            aiSummary: row.optionalString("ai_summary"),
            aiKeywords: StringList.decode(row.optionalString("ai_keywords")),
            categories: StringList.decode(row.optionalString("categories")),
            arxivComments: row.optionalString("arxiv_comments"),
            journalRef: row.optionalString("journal_ref"),
            doi: row.optionalString("doi"),
            license: row.optionalString("license"),
            mediaUrls: StringList.decode(row.optionalString("media_urls")),
            position: row.optionalInt("position"),
            hub: row.optionalString("hub").flatMap(HubColumn.decode),
            announcement: announcement(row),
            versions: versions(row),
            community: CommunityCounts(upvotes: row.optionalInt("community_upvotes") ?? 0, comments: row.optionalInt("community_comments") ?? 0)
        )
    }

    private static func announcement(_ row: SQLRow) -> Announcement? {
        guard let day = row.optionalString("announced_on").flatMap({ Day(iso: $0) }),
            let kind = row.optionalString("announce_type").flatMap(Announcement.Kind.init(rawValue:))
        else { return nil }
        return Announcement(day: day, kind: kind)
    }

    private static func versions(_ row: SQLRow) -> ArxivVersions? {
        guard let count = row.optionalInt("version_count") else { return nil }
        return ArxivVersions(
            count: count, latestAt: row.optionalInt64("latest_version_at").map(Timestamp.init(millisecondsSinceEpoch:)),
            withdrawn: row.optionalInt("withdrawn") == 1
        )
    }

    /// One statement that writes every paper of `papers` (distinct ids; at most `batchSize`): a page of a harvest or an
    /// import batch costs one round trip instead of one per paper.
    static func upsert(_ papers: some Collection<Paper>, now: Timestamp) -> SQLQuery {
        let rows = SQLQuery.joined(papers.map { values($0, now: now) }, separator: ", ")
        return """
            INSERT INTO papers (
                id, arxiv_id, title, abstract, authors, author_count, published_at, featured_on, submitted_at, submitted_by,
                upvotes, num_comments, organization, github_repo, github_stars, project_page, ai_summary, ai_keywords,
                categories, arxiv_comments, journal_ref, doi, license, media_urls, position, hub, announced_on, announce_type,
                version_count, latest_version_at, withdrawn, created_at, updated_at
            ) VALUES \(rows)
            ON CONFLICT (id) DO UPDATE SET
                arxiv_id = excluded.arxiv_id, title = excluded.title, abstract = excluded.abstract, authors = excluded.authors,
                author_count = excluded.author_count, published_at = excluded.published_at, featured_on = excluded.featured_on,
                submitted_here = CASE WHEN papers.submitted_by = excluded.submitted_by THEN papers.submitted_here ELSE 0 END,
                submitted_at = excluded.submitted_at, submitted_by = excluded.submitted_by, upvotes = excluded.upvotes,
                num_comments = excluded.num_comments, organization = excluded.organization, github_repo = excluded.github_repo,
                github_stars = excluded.github_stars, project_page = excluded.project_page, ai_summary = excluded.ai_summary,
                ai_keywords = excluded.ai_keywords, categories = excluded.categories, arxiv_comments = excluded.arxiv_comments,
                journal_ref = excluded.journal_ref, doi = excluded.doi, license = excluded.license,
                media_urls = excluded.media_urls, position = excluded.position, hub = excluded.hub,
                announced_on = excluded.announced_on, announce_type = excluded.announce_type, version_count = excluded.version_count,
                latest_version_at = excluded.latest_version_at, withdrawn = excluded.withdrawn, updated_at = excluded.updated_at
            """
    }

    /// The most papers one statement writes (33 values each, within both engines' limits on bound values).
    static let batchSize = 400

    /// The row of `paper`, parenthesized.
    private static func values(_ paper: Paper, now: Timestamp) -> SQLQuery {
        """
        (
            \(paper.id), \(paper.arxivId), \(paper.title), \(paper.abstract), \(StringList.encode(paper.authors)),
            \(paper.authorCount), \(paper.publishedAt?.millisecondsSinceEpoch), \(paper.featuredOn?.description),
            \(paper.submittedAt?.millisecondsSinceEpoch), \(paper.submittedBy), \(paper.upvotes), \(paper.numComments),
            \(paper.organization?.name), \(paper.githubRepo), \(paper.githubStars), \(paper.projectPage), \(paper.aiSummary),
            \(StringList.encode(paper.aiKeywords)), \(StringList.encode(paper.categories)), \(paper.arxivComments),
            \(paper.journalRef), \(paper.doi), \(paper.license), \(StringList.encode(paper.mediaUrls)), \(paper.position),
            \(paper.hub.flatMap(HubColumn.encode)), \(paper.announcement?.day.description), \(paper.announcement?.kind.rawValue),
            \(paper.versions?.count), \(paper.versions?.latestAt?.millisecondsSinceEpoch), \(paper.versions?.withdrawn == true ? 1 : 0),
            \(now.millisecondsSinceEpoch), \(now.millisecondsSinceEpoch)
        )
        """
    }
}

/// `HubDetails` stored in one text column as JSON (nil when empty).
enum HubColumn {
    static func encode(_ details: HubDetails) -> String? {
        guard !details.isEmpty, let data = try? JSONEncoder().encode(details) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }

    static func decode(_ json: String) -> HubDetails? {
        try? JSONDecoder().decode(HubDetails.self, from: Data(json.utf8))
    }
}

/// Lists of strings stored in one text column as a JSON array.
enum StringList {
    static func encode(_ values: [String]) -> String {
        var json = "["
        for (index, value) in values.enumerated() {
            if index > 0 { json += "," }
            json += "\""
            guard value.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) else {
                json += value + "\""
                continue
            }
            for scalar in value.unicodeScalars {
                switch scalar {
                    case "\"": json += "\\\""
                    case "\\": json += "\\\\"
                    case "\n": json += "\\n"
                    case "\r": json += "\\r"
                    case "\t": json += "\\t"
                    case _ where scalar.value < 0x20: json += "\\u" + hex4(scalar.value)
                    default: json.unicodeScalars.append(scalar)
                }
            }
            json += "\""
        }
        return json + "]"
    }

    static func decode(_ json: String?) -> [String] {
        guard let json, json.count > 2 else { return [] }
        var values: [String] = []
        var current = String.UnicodeScalarView()
        var scalars = json.unicodeScalars.makeIterator()
        var inString = false
        while let scalar = scalars.next() {
            if !inString {
                if scalar == "\"" {
                    inString = true
                    current = String.UnicodeScalarView()
                }
                continue
            }
            switch scalar {
                case "\"":
                    values.append(String(current))
                    inString = false
                case "\\":
                    guard let escaped = scalars.next() else { break }
                    switch escaped {
                        case "n": current.append("\n")
                        case "r": current.append("\r")
                        case "t": current.append("\t")
                        case "u":
                            var digits = ""
                            for _ in 0..<4 { if let digit = scalars.next() { digits.unicodeScalars.append(digit) } }
                            current.append(UInt32(digits, radix: 16).flatMap(Unicode.Scalar.init) ?? "\u{FFFD}")
                        default: current.append(escaped)
                    }
                default: current.append(scalar)
            }
        }
        return values
    }

    private static func hex4(_ value: UInt32) -> String {
        let hex = String(value, radix: 16)
        return String(repeating: "0", count: 4 - hex.count) + hex
    }
}
