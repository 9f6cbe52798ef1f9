import PapersCore

/// A member's "For you" list as the page, the API and the digest read it.
public struct ForYouList: Sendable {
    public let picks: [ForYouPick]
    /// The days the candidates came from; nil when the site has no papers yet.
    public let days: ClosedRange<Day>?
    /// The member follows, saved and upvoted nothing yet: the picks are the week's trending papers.
    public let isNewMember: Bool

    public init(picks: [ForYouPick], days: ClosedRange<Day>?, isNewMember: Bool) {
        self.picks = picks
        self.days = days
        self.isNewMember = isNewMember
    }
}
