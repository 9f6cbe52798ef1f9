import Community
import PapersCore

/// Who is looking at the page being rendered, which views take as a parameter: the header's account links, vote
/// buttons and forms depend on it. `CommunityMiddleware` puts it in the request context of a signed-in page request;
/// visitors have none, and their pages are the same for everyone and therefore cached.
struct Viewer: Sendable {
    let user: User
    /// The session's CSRF token, for every form the page carries.
    let csrf: String
    /// Which of the page's papers the member upvoted (filled by `marking`), so buttons show their state.
    private(set) var upvoted: Set<String> = []
    /// Which of the page's papers are on the member's reading list, so Save buttons show their state.
    private(set) var saved: Set<String> = []
    /// The organizations (lower-cased names) the member follows, so cards show Follow or Following.
    private(set) var followedOrganizations: Set<String> = []
    /// Reads those marks; nil for a form's answer, which shows no paper cards.
    private let marks: PaperMarks?

    /// The viewer of a form's answer: the session's member, without marks (the page shows no paper cards).
    init(_ session: SignedIn) {
        self.init(user: session.user, csrf: session.csrf)
    }

    init(user: User, csrf: String, marks: PaperMarks? = nil) {
        self.user = user
        self.csrf = csrf
        self.marks = marks
    }

    /// This viewer with the upvotes and saves of `papers`, the cards a page is about to show.
    func marking(_ papers: [Paper]) async throws -> Viewer {
        try await marking(ids: papers.map(\.id))
    }

    func marking(ids: [String]) async throws -> Viewer {
        guard let marks else { return self }
        var marked = self
        async let followed = marks.followedOrganizations(of: user)
        (marked.upvoted, marked.saved) = try await marks.of(user, among: ids)
        marked.followedOrganizations = try await followed
        return marked
    }
}
