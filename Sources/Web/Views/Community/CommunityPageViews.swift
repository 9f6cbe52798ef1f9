import PapersCore
import Presentation
import Storage

/// Member profiles, author pages, organization extras and the moderation log.
enum CommunityPageViews {
    static func profile(
        _ user: User, upvoted: [Paper], submitted: [Paper], collections: [PaperCollection] = [], follows: [Follow]? = nil, currentYear: Int,
        viewer: Viewer?
    ) -> HTML {
        let banned: HTML = user.banned ? "<p class=\"error\">This account is banned.</p>" : ""
        return Layout.page(
            title: user.username, alternates: [], viewer: viewer,
            content: """
                <h1>\(Avatar.render(user.username, size: .large))\(user.username)</h1>
                <p class="sub">\(user.role == .user ? "Member" : user.role.rawValue.capitalized) since \(CardFormatting.fullDate(user.createdAt.day))</p>
                \(banned)
                \(moderatorTools(for: user, viewer: viewer))\(CollectionListView.render(collections))
                \(follows.map { following($0, own: viewer?.user.id == user.id) } ?? "")
                <h2>Submitted papers (\(submitted.count))</h2>
                \(list(submitted, currentYear: currentYear, viewer: viewer, empty: "No submissions yet."))
                <h2>Upvoted papers (\(upvoted.count))</h2>
                \(list(upvoted, currentYear: currentYear, viewer: viewer, empty: "No upvotes yet."))
                """)
    }

    /// What the member follows, on their profile when they made it public (and always to themself).
    private static func following(_ follows: [Follow], own: Bool) -> HTML {
        let items = follows.map { "<li>\(FollowingView.link($0)) <small>\($0.kind.rawValue)</small></li>" as HTML }
        let note: HTML = own ? " <small>(<a href=\"\(Route.following.path)\">manage</a>)</small>" : ""
        return """
            <details class="following"><summary>Following (\(follows.count))\(note)</summary>\
            \(items.isEmpty ? "<p class=\"sub\">Nothing yet.</p>" : "<ul>\(HTML(joining: items))</ul>" as HTML)</details>
            """
    }

    /// The page of a submitter known only from imported papers (a Hugging Face user without an account here).
    static func submitter(_ name: String, submitted: [Paper], currentYear: Int, viewer: Viewer?) -> HTML {
        Layout.page(
            title: name, alternates: [], viewer: viewer,
            content: """
                <h1>\(Avatar.render(name, size: .large))\(name)</h1>
                <p class="sub">Submitted these papers on Hugging Face; not a member of this site</p>
                <h2>Submitted papers (\(submitted.count))</h2>
                \(list(submitted, currentYear: currentYear, viewer: viewer, empty: "No submissions."))
                """)
    }

    static func author(
        _ name: String, papers: [Paper], page: Int = 0, hasMore: Bool = false, currentYear: Int, viewer: Viewer?, follow: HTML = ""
    ) -> HTML {
        let path = Route.author(name).path
        let listing: HTML =
            papers.isEmpty
            ? PageLinks.empty(path: path, page: page, empty: "<p class=\"empty\">No paper here lists this author.</p>")
            : "\(PaperCardView.list(papers, currentYear: currentYear, viewer: viewer))\(PageLinks.render(path: path, page: page, hasMore: hasMore))"
        return Layout.page(
            title: name, alternates: [], viewer: viewer,
            content: """
                <h1>\(name)</h1>
                <p class="sub">Papers listing \(name) as an author, newest first</p>
                <p class="follow-line">\(follow)</p>
                \(listing)
                """)
    }

    static func members(_ organization: String, members: [(username: String, role: OrganizationRole)], viewer: Viewer?) -> HTML {
        let items = members.map { "<li><a href=\"\(Route.user($0.username).path)\">\($0.username)</a> · \($0.role.rawValue)</li>" as HTML }
        let list: HTML = items.isEmpty ? "<p class=\"sub\">No members have joined on DailyPapers yet.</p>" : "<ul>\(items)</ul>"
        return "<details><summary>Members (\(members.count))</summary>\(list)\(memberForm(organization, viewer: viewer))</details>"
    }

    private static func memberForm(_ organization: String, viewer: Viewer?) -> HTML {
        guard let viewer else { return "" }
        let action = Route.addOrganizationMember(organization: organization).path
        return """
            <form class="inline" method="post" action="\(action)">\(CSRF.hiddenField(viewer.csrf))\
            <label>Username <input name="username" required size="14"></label> \
            <select name="role" aria-label="Role"><option value="member">member</option><option value="admin">admin</option><option value="remove">remove</option></select> \
            <button>Update members</button></form> <small class="by">(organization admins and site admins)</small>
            """
    }

    static func newOrganization(viewer: Viewer, name: String = "", fullname: String = "", error: String? = nil) -> HTML {
        Layout.page(
            title: "New organization", alternates: [], viewer: viewer,
            content: """
                <h1>New organization</h1>
                <p class="sub">Its page lists the papers attributed to it; you become its first admin.</p>
                \(error.map { "<p class=\"error\" role=\"alert\">\($0)</p>" as HTML })
                <form class="stack" method="post" action="\(Route.createOrganization.path)">\(CSRF.hiddenField(viewer.csrf))
                <label>Short name (part of its address) <input name="name" value="\(name)" required maxlength="32" placeholder="e.g. nvidia"></label>
                <label>Full name <input name="fullname" value="\(fullname)" required maxlength="100" placeholder="e.g. NVIDIA"></label>
                <div><button>Create</button></div>
                </form>
                """)
    }

    static func moderation(log: [ModerationEntry], hidden: [(id: String, title: String, reason: String)], viewer: Viewer?) -> HTML {
        let rows = log.map { entry -> HTML in
            "<tr><td>\(entry.at.description.prefix(16).replacingT())</td><td>\(entry.moderator)</td><td>\(entry.action.rawValue)</td><td>\(entry.target)</td><td>\(entry.reason ?? "")</td></tr>"
        }
        let table: HTML =
            log.isEmpty
            ? "<p class=\"empty\">Nothing has been moderated.</p>"
            : "<table class=\"plain\"><tr><th>When (UTC)</th><th>Moderator</th><th>Action</th><th>Target</th><th>Reason</th></tr>\(rows)</table>"
        return Layout.page(
            title: "Moderation log", alternates: [], viewer: viewer,
            content: """
                <h1>Moderation log</h1>
                <p class="sub">Every paper or comment hidden and every account banned, newest first.</p>
                \(hiddenPapers(hidden, viewer: viewer))
                \(table)
                """)
    }

    private static func hiddenPapers(_ hidden: [(id: String, title: String, reason: String)], viewer: Viewer?) -> HTML {
        guard let viewer, viewer.user.role.canModerate, !hidden.isEmpty else { return "" }
        let items = hidden.map { paper -> HTML in
            """
            <li>\(paper.title) (\(paper.id), \(paper.reason)) <form class="inline" method="post" action="\(Route.paperAction(id: paper.id, .show).path)">\
            \(CSRF.hiddenField(viewer.csrf))<button class="link">Show again</button></form></li>
            """
        }
        return "<h2>Hidden papers</h2><ul>\(items)</ul>"
    }

    private static func moderatorTools(for user: User, viewer: Viewer?) -> HTML {
        guard let viewer, viewer.user.role.canModerate, viewer.user.id != user.id else { return "" }
        let action = Route.memberAction(name: user.username, user.banned ? .unban : .ban).path
        var tools: [HTML] = [
            "<form class=\"inline\" method=\"post\" action=\"\(action)\">\(CSRF.hiddenField(viewer.csrf))<button>\(user.banned ? "Unban" : "Ban")</button></form>"
        ]
        if viewer.user.role == .admin {
            let options = UserRole.allCases.map { role -> HTML in
                "<option value=\"\(role.rawValue)\"\(role == user.role ? " selected" : "")>\(role.rawValue)</option>"
            }
            tools.append(
                """
                <form class="inline" method="post" action="\(Route.memberAction(name: user.username, .role).path)">\(CSRF.hiddenField(viewer.csrf))\
                <select name="role" aria-label="Role">\(options)</select> <button>Set role</button></form>
                """)
        }
        return "<p>\(HTML(joining: tools, separator: " "))</p>"
    }

    private static func list(_ papers: [Paper], currentYear: Int, viewer: Viewer?, empty: String) -> HTML {
        papers.isEmpty ? "<p class=\"empty\">\(empty)</p>" : PaperCardView.list(papers, currentYear: currentYear, viewer: viewer)
    }
}

extension Substring {
    /// An ISO time's `T` as a space, for tables.
    func replacingT() -> String {
        String(map { $0 == "T" ? " " : $0 })
    }
}
