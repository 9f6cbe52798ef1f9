import Community
import PapersCore

/// Who is looking at the page being rendered, which views take as a parameter: the header's account links, vote
/// buttons and forms depend on it. `CommunityMiddleware` puts it in the request context of a signed-in page request;
/// visitors have none, and their pages are the same for everyone and therefore cached.
struct Viewer: Sendable {
    let user: User
    /// The session's CSRF token, for every form the page carries.
    let csrf: String
    /// Every paper the member upvoted, so buttons show their state.
    let upvoted: Set<String>
    /// Every paper on the member's reading list, so Save buttons show their state.
    var saved: Set<String> = []

    /// The viewer of a form's answer: the session's member, without upvotes (the page shows no paper cards).
    init(_ session: SignedIn) {
        self.init(user: session.user, csrf: session.csrf, upvoted: [])
    }

    init(user: User, csrf: String, upvoted: Set<String>, saved: Set<String> = []) {
        self.user = user
        self.csrf = csrf
        self.upvoted = upvoted
        self.saved = saved
    }
}
