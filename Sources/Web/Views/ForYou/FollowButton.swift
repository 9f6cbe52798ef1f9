import ForYou
import PapersCore
import Presentation

/// "Follow" (or "Following ✓", which unfollows) for an author, organization, category, collection or topic, with
/// its follower count; for visitors, a link to log in and the count.
enum FollowButton {
    static func render(_ kind: FollowKind, _ value: String, following: Bool, followers: Int?, viewer: Viewer?) -> HTML {
        let count: HTML = followers.map { " <span class=\"followers\">\($0) follower\($0 == 1 ? "" : "s")</span>" } ?? ""
        guard let viewer else {
            return "<a class=\"follow\" href=\"\(Route.logInForm.path)\">Follow</a>\(count)"
        }
        return """
            <form class="follow" method="post" action="\(Route.changeFollow.path)">\(CSRF.hiddenField(viewer.csrf))\
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
