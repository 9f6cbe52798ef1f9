import PapersCore
import Presentation

/// `/following`: what the member follows, by kind, each with Unfollow; forms to follow more; who may see the list.
enum FollowingView {
    /// What the page shows.
    struct Model {
        let follows: [Follow]
        let isPublic: Bool
        let digest: Subscriber.Frequency?
        let viewer: Viewer
    }

    static func render(_ model: Model) -> HTML {
        let viewer = model.viewer
        let groups = FollowKind.allCases.map { kind in group(kind, model.follows.filter { $0.kind == kind }, viewer: viewer) }
        let content: HTML = """
            <h1>Following</h1>
            <p class="sub">What you follow shapes <a href="\(Route.forYou.path)">For you</a>. \(model.follows.count) of at most \(FollowRules.maximumFollows).</p>
            \(visibility(model.isPublic, viewer: viewer))
            \(digestChoice(model.digest, viewer: viewer))
            \(HTML(joining: groups))
            """
        return Layout.page(title: "Following", alternates: [], viewer: viewer, content: content)
    }

    /// The personal digest: off, or For you by mail daily (on arXiv's calendar) or weekly (Fridays).
    private static func digestChoice(_ digest: Subscriber.Frequency?, viewer: Viewer) -> HTML {
        let choices: [(String, String)] = [
            ("off", "Off (the general digest, if you subscribed)"), ("daily", "For you, daily (weekdays with new papers)"),
            ("weekly", "For you, weekly (Fridays)"),
        ]
        let options = choices.map { value, label -> HTML in
            let checked: HTML = value == (digest?.rawValue ?? "off") ? " checked" : ""
            return "<label class=\"inline\"><input type=\"radio\" name=\"digest\" value=\"\(value)\"\(checked)> \(label)</label>"
        }
        let note: HTML =
            viewer.user.emailVerified ? "" : " <span class=\"error\">Confirm your e-mail address first: it is sent only to a confirmed one.</span>"
        return """
            <form class="follow-group" method="post" action="\(Route.changeFollow.path)">\(CSRF.hiddenField(viewer.csrf))\
            <fieldset><legend>Your digest by e-mail</legend><p class="sub">The top papers of your list with the reason for each, never \
            one sent before; nothing on a day with nothing new for you. It replaces the general digest.\(note)</p>
            \(HTML(joining: options))</fieldset><button>Save</button></form>
            """
    }

    private static func visibility(_ isPublic: Bool, viewer: Viewer) -> HTML {
        """
        <form class="inline-form" method="post" action="\(Route.changeFollow.path)">\(CSRF.hiddenField(viewer.csrf))\
        <input type="hidden" name="public" value="\(isPublic ? "0" : "1")">\
        \(isPublic ? "Your profile shows what you follow." : "Only you see what you follow.") \
        <button class="link">\(isPublic ? "Make it private" : "Show it on your profile")</button></form>
        """
    }

    private static func group(_ kind: FollowKind, _ follows: [Follow], viewer: Viewer) -> HTML {
        let items = follows.map { follow -> HTML in
            "<li>\(link(follow)) \(FollowButton.render(follow.kind, follow.value, following: true, followers: nil, viewer: viewer))</li>"
        }
        let list: HTML = items.isEmpty ? "<p class=\"sub\">None yet.</p>" : "<ul class=\"follows\">\(HTML(joining: items))</ul>"
        return """
            <section class="follow-group"><h2>\(kind.plural.capitalizedFirst)</h2>
            \(list)
            \(addForm(kind, viewer: viewer))</section>
            """
    }

    /// The followed thing's page, where it has one; a topic is text.
    static func link(_ follow: Follow) -> HTML {
        switch follow.kind {
            case .author: "<a href=\"\(Route.author(follow.value).path)\">\(follow.value)</a>"
            case .organization: "<a href=\"\(Route.organization(follow.value).path)\">\(follow.value)</a>"
            case .category: "<a href=\"\(Route.category(follow.value).path)\">\(follow.value)</a>"
            case .collection: "<a href=\"\(Route.collection(slug: follow.value).path)\">\(follow.value)</a>"
            case .topic: "“\(follow.value)”"
        }
    }

    private static func addForm(_ kind: FollowKind, viewer: Viewer) -> HTML {
        let hint: String =
            switch kind {
                case .author: "Author's name, as on papers"
                case .organization: "Organization's name, e.g. nvidia"
                case .category: "arXiv category, e.g. cs.CL"
                case .collection: "Collection address: owner/title-id"
                case .topic: "A few words, e.g. RL for LLMs"
            }
        let limit = kind == .topic ? FollowRules.maximumTopic : FollowRules.maximumValue
        return """
            <form class="inline-form" method="post" action="\(Route.changeFollow.path)">\(CSRF.hiddenField(viewer.csrf))\
            <input type="hidden" name="kind" value="\(kind.rawValue)"><input type="hidden" name="followed" value="1">\
            <input name="value" required maxlength="\(limit)" placeholder="\(hint)" aria-label="\(hint)"> <button>Follow</button></form>
            """
    }
}

extension String {
    /// The text with its first letter upper-cased ("authors" → "Authors").
    var capitalizedFirst: String {
        prefix(1).uppercased() + dropFirst()
    }
}
