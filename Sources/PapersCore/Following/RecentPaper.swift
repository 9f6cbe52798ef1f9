/// A paper of the last days as "For you" ranks it: what follows and topics match on, its day and its upvotes (a week
/// of arXiv is thousands of papers, read once and shared by every member's ranking).
public struct RecentPaper: Sendable, Equatable {
    public let id: String
    public let title: String
    public let abstract: String
    public let authors: [String]
    /// The claiming organization's name (`nvidia`) and display name (`NVIDIA`).
    public let organization: String?
    public let organizationFullname: String?
    public let categories: [String]
    /// The day it reached the site: featured on the daily list, or announced by arXiv.
    public let day: Day
    /// Whether it was featured on the daily list (an announced paper may be featured later).
    public let featured: Bool
    public let upvotes: Int

    public init(
        id: String, title: String, abstract: String, authors: [String], organization: String?, organizationFullname: String?, categories: [String],
        day: Day,
        featured: Bool, upvotes: Int
    ) {
        self.id = id
        self.title = title
        self.abstract = abstract
        self.authors = authors
        self.organization = organization
        self.organizationFullname = organizationFullname
        self.categories = categories
        self.day = day
        self.featured = featured
        self.upvotes = upvotes
    }
}
