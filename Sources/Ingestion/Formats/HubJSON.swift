import HubFormat
import PapersCore

/// Reads the `HubDetails` of a Hugging Face API item: what the API serves back beyond the paper.
enum HubJSON {
    /// Hugging Face gives some avatars as paths on its own site.
    static let hubSite = "https://huggingface.co"

    static func details(_ item: Hub.DailyItem, _ source: Hub.Paper, shown: [Hub.Author]) throws(RecordError) -> HubDetails? {
        var claims: [HubAuthorClaim] = []
        for (index, author) in shown.enumerated() {
            guard let claimant = author.user, let user = try user(claimant, field: "paper.authors.user") else { continue }
            claims.append(HubAuthorClaim(index: index, user: user, status: try Validation.text(author.status, field: "paper.authors.status")))
        }
        let organization = source.organization ?? item.organization
        let details = HubDetails(
            discussionId: try objectId(source.discussionId, field: "paper.discussionId"),
            submitter: try (source.submittedOnDailyBy ?? item.submittedBy).flatMap { json throws(RecordError) in try user(json, field: "submittedBy")
            },
            authorClaims: claims,
            organizationAvatar: try image(organization?.avatarAddress, field: "organization.avatar"),
            thumbnail: try image(item.thumbnail, field: "thumbnail"),
            isAuthorParticipating: item.isAuthorParticipating,
            summary: try Validation.longText(item.summary ?? source.summary, field: "summary")
        )
        return details.isEmpty ? nil : details
    }

    private static func user(_ json: Hub.User, field: String) throws(RecordError) -> HubUser? {
        guard let username = try Validation.username(json.username, field: field) else { return nil }
        return HubUser(
            id: try objectId(json._id, field: field + "._id"),
            username: username,
            fullname: try Validation.text(json.fullname, field: field + ".fullname") ?? username,
            avatarUrl: try image(json.avatarUrl, field: field + ".avatarUrl"),
            isPro: json.isPro ?? false
        )
    }

    /// An image URL: http(s), or a path on huggingface.co made absolute.
    private static func image(_ raw: String?, field: String) throws(RecordError) -> String? {
        guard let value = try Validation.text(raw, field: field) else { return nil }
        return try Validation.url(value.hasPrefix("/") && !value.hasPrefix("//") ? hubSite + value : value, field: field)
    }

    /// A 24-hex-digit object id.
    private static func objectId(_ raw: String?, field: String) throws(RecordError) -> String? {
        guard let value = try Validation.text(raw, field: field) else { return nil }
        guard value.count == 24, value.allSatisfy(\.isHexDigit) else { throw RecordError(field: field, "is not an object id: \(value.prefix(40))") }
        return value
    }
}
