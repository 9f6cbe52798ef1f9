import PapersCore

/// The one check every imported paper passes after its format has read it, whatever the format: every count
/// non-negative and bounded, every date between arXiv's first day and tomorrow (a feed day far ahead would become
/// the front page), and the text fields no format reads through `Validation` itself (arXiv's comments, journal
/// reference, DOI, licence, categories, keywords, the Hugging Face details) without control characters — a NUL would
/// abort a PostgreSQL batch — and within their lengths. Title, abstract, authors, links, organization, submitter and
/// summary every format reads through `Validation` already. A paper that fails is refused by the field's name; the
/// rest of its file is imported.
enum PaperCheck {
    static let maxCount = 1_000_000_000
    static let maxListItems = 1_000
    static let maxListItemLength = 200
    /// arXiv's first announcement; nothing in a feed or a paper's history is older.
    static let earliest = Day(year: 1991, month: 8, day: 14) ?? Day(daysSinceEpoch: 0)

    /// `update` with every field checked and cleaned, or the first field that cannot be.
    static func checked(_ update: PaperUpdate, now: Timestamp) throws(RecordError) -> PaperUpdate {
        var paper = update.paper
        try counts(paper)
        try dates(paper, latest: now.day.adding(days: 1))
        paper.arxivComments = try Validation.text(paper.arxivComments, field: "arxivComments")
        paper.journalRef = try Validation.text(paper.journalRef, field: "journalRef")
        paper.doi = try Validation.text(paper.doi, field: "doi")
        paper.license = try Validation.text(paper.license, field: "license")
        paper.categories = try list(paper.categories, field: "categories")
        paper.aiKeywords = try list(paper.aiKeywords, field: "aiKeywords")
        if let hub = paper.hub { paper.hub = try hubDetails(hub) }
        return PaperUpdate(paper: paper, fields: update.fields)
    }

    private static func counts(_ paper: Paper) throws(RecordError) {
        let counts: [(String, Int?)] = [
            ("upvotes", paper.upvotes), ("numComments", paper.numComments), ("authorCount", paper.authorCount),
            ("githubStars", paper.githubStars), ("position", paper.position), ("versions.count", paper.versions?.count),
        ]
        for (field, value) in counts {
            guard let value else { continue }
            guard value >= 0 else { throw RecordError(field: field, "is negative (\(value))") }
            guard value <= maxCount else { throw RecordError(field: field, "is \(value), more than \(maxCount)") }
        }
    }

    private static func dates(_ paper: Paper, latest: Day) throws(RecordError) {
        let days: [(String, Day?)] = [
            ("featuredOn", paper.featuredOn), ("publishedAt", paper.publishedAt?.day), ("submittedAt", paper.submittedAt?.day),
            ("announcement.day", paper.announcement?.day), ("versions.latestAt", paper.versions?.latestAt?.day),
        ]
        for (field, day) in days {
            guard let day else { continue }
            guard day >= earliest, day <= latest else { throw RecordError(field: field, "is \(day), outside \(earliest) to \(latest)") }
        }
    }

    /// A list of short words (categories, keywords): each without control characters, non-empty ones kept.
    private static func list(_ values: [String], field: String) throws(RecordError) -> [String] {
        guard values.count <= maxListItems else { throw RecordError(field: field, "has \(values.count) items, the limit is \(maxListItems)") }
        var kept: [String] = []
        for value in values {
            guard let item = try Validation.text(value, field: field) else { continue }
            guard item.utf8.count <= maxListItemLength else {
                throw RecordError(field: field, "holds an item of \(item.utf8.count) bytes, the limit is \(maxListItemLength)")
            }
            kept.append(item)
        }
        return kept
    }

    private static func hubDetails(_ hub: HubDetails) throws(RecordError) -> HubDetails {
        var hub = hub
        hub.discussionId = try Validation.text(hub.discussionId, field: "discussionId")
        hub.summary = try Validation.longText(hub.summary, field: "summary")
        hub.thumbnail = try Validation.url(hub.thumbnail, field: "thumbnail")
        hub.organizationAvatar = try Validation.url(hub.organizationAvatar, field: "organization.avatar")
        if let submitter = hub.submitter { hub.submitter = try user(submitter, field: "submittedOnDailyBy") }
        guard hub.authorClaims.count <= Validation.maxAuthors else { throw RecordError(field: "authors", "has too many claims") }
        for index in hub.authorClaims.indices {
            hub.authorClaims[index].user = try user(hub.authorClaims[index].user, field: "authors.user")
            hub.authorClaims[index].status = try Validation.text(hub.authorClaims[index].status, field: "authors.status")
        }
        return hub
    }

    private static func user(_ user: HubUser, field: String) throws(RecordError) -> HubUser {
        var user = user
        user.id = try Validation.text(user.id, field: "\(field).id")
        guard let username = try Validation.username(user.username, field: "\(field).user") else {
            throw RecordError(field: "\(field).user", "is missing")
        }
        user.username = username
        user.fullname = try Validation.text(user.fullname, field: "\(field).fullname") ?? ""
        user.avatarUrl = try Validation.url(user.avatarUrl, field: "\(field).avatarUrl")
        return user
    }
}
