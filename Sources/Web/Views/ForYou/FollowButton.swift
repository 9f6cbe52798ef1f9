import ForYou
import PapersCore
import Presentation

/// "Follow" (or "Following ✓", which unfollows) for an author, organization, category, collection or topic, with
/// its follower count; for visitors, a link to log in and the count.
enum FollowButton {
    /// `compact`: the card's small version, "+ Follow" or "Following" in a line of text.
    static func render(_ kind: FollowKind, _ value: String, following: Bool, followers: Int?, viewer: Viewer?, compact: Bool = false) -> HTML {
        let count: HTML = followers.map { " <span class=\"followers\">\($0) follower\($0 == 1 ? "" : "s")</span>" } ?? ""
        guard let viewer else {
            return "<a class=\"follow\" href=\"\(Route.logInForm.path)\">Follow</a>\(count)"
        }
        return """
            <form class="follow\(compact ? " compact" : "")" method="post" action="\(Route.changeFollow.path)">\(CSRF.hiddenField(viewer.csrf))\
            <input type="hidden" name="kind" value="\(kind.rawValue)"><input type="hidden" name="value" value="\(value)">\
            <input type="hidden" name="followed" value="\(following ? "0" : "1")">\
            <button aria-pressed="\(following ? "true" : "false")" title="\(following ? "Unfollow" : "Follow") \(value)">\
            \(following ? "Following ✓" : "+ Follow")</button></form>\(count)
            """
    }

    /// The button as a page shows it, with the state `state` read for this viewer.
    static func render(_ kind: FollowKind, _ value: String, state: FollowState, viewer: Viewer?) -> HTML {
        render(kind, value, following: state.following, followers: state.followers, viewer: viewer)
    }
}

extension ForYouFeatures {
    /// The Follow button of a page about `value`, with its follower count and the viewer's state.
    func followButton(_ kind: FollowKind, _ value: String, viewer: Viewer?) async throws -> HTML {
        FollowButton.render(kind, value, state: try await follows.state(of: kind, value, viewer: viewer?.user), viewer: viewer)
    }
}
