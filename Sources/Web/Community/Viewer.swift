import PapersCore

/// Who is looking at the page being rendered: the header's account links, vote buttons and forms read it.
///
/// Set for the duration of a signed-in request by `CommunityMiddleware`; nil for anonymous visitors, whose pages are
/// the same for everyone and therefore cached.
struct Viewer: Sendable {
    let user: User
    /// The session's CSRF token, for every form the page carries.
    let csrf: String
    /// Every paper the member upvoted, so buttons show their state.
    let upvoted: Set<String>

    @TaskLocal static var current: Viewer?
}
