import PapersCore

/// Why a paper is on a member's "For you" list: the signal that gave it the largest part of its score, said in
/// one sentence that is true of this paper.
public enum ForYouReason: Sendable, Equatable {
    /// One of its authors, as the paper names them.
    case author(String)
    /// One of its authors wrote a paper the member saved (or upvoted): that paper's title.
    case readAuthor(String, paperTitle: String, saved: Bool)
    /// The claiming organization's display name.
    case organization(String)
    case category(String)
    /// A collection the member follows holds it.
    case collection(title: String)
    case topic(String)
    /// It is close in meaning to a paper the member saved (or upvoted).
    case like(paperId: String, title: String, saved: Bool)
    /// Nothing personal: among the week's most upvoted.
    case popular(upvotes: Int)

    /// The sentence a card and the API show.
    public var text: String {
        switch self {
            case .author(let name): "by \(name), whom you follow"
            case .readAuthor(let name, let title, let saved): "by \(name), an author of “\(TeXText.plain(title))” you \(saved ? "saved" : "upvoted")"
            case .organization(let name): "you follow \(name)"
            case .category(let category): "new in \(category), which you follow"
            case .collection(let title): "in “\(title)”, a collection you follow"
            case .topic(let topic): "matches your topic “\(topic)”"
            case .like(_, let title, let saved): "like “\(TeXText.plain(title))” you \(saved ? "saved" : "upvoted")"
            case .popular(let upvotes): "popular this week: \(upvotes) upvote\(upvotes == 1 ? "" : "s")"
        }
    }

    /// Whether the reason comes from the member's own signals (what a personal digest requires).
    public var isPersonal: Bool {
        if case .popular = self { return false }
        return true
    }
}

/// A paper picked for a member, with its score and its reason.
public struct ForYouPick: Sendable, Equatable {
    public let paperId: String
    public let score: Double
    /// The part of the score that comes from the member's own signals (follows, topics, meaning).
    public let personalScore: Double
    public let reason: ForYouReason
}
