import PapersCore
import Presentation

/// The comment section of a paper page: threads one level deep, forms for members, moderator controls.
enum CommentViews {
    static func section(paper: Paper, comments: [Comment], now: Timestamp, viewer: Viewer?) -> HTML {
        let threads = CommentRules.threads(comments)
        let visibleCount = comments.filter(\.isVisible).count
        let list: HTML =
            threads.isEmpty
            ? "<p class=\"empty\">No comments yet.</p>"
            : "<ol class=\"comments\">\(threads.map { thread in item(thread.comment, replies: thread.replies, paper: paper, now: now, viewer: viewer) })</ol>"
        return """
            <section id="comments">
            <h2>Comments (\(visibleCount))</h2>
            \(list)
            \(newCommentForm(paperId: paper.id, viewer: viewer))
            </section>
            """
    }

    private static func item(_ comment: Comment, replies: [Comment], paper: Paper, now: Timestamp, viewer: Viewer?) -> HTML {
        let nested: HTML =
            replies.isEmpty ? "" : "<ol class=\"replies\">\(replies.map { item($0, replies: [], paper: paper, now: now, viewer: viewer) })</ol>"
        let reply: HTML? = comment.parentId == nil && comment.isVisible ? replyBox(paperId: paper.id, parentId: comment.id, viewer: viewer) : nil
        return """
            <li class="comment" id="comment-\(Int(comment.id))">
            \(body(comment, badge: badge(comment, paper: paper)))
            \(controls(comment, reply: reply, now: now, viewer: viewer))
            \(nested)
            </li>
            """
    }

    /// "Paper submitter" for whoever submitted the paper here, "Author" for a member the paper lists as an author.
    private static func badge(_ comment: Comment, paper: Paper) -> HTML {
        guard let author = comment.author, comment.isVisible else { return "" }
        if paper.submittedHere && paper.submittedBy == author { return " <span class=\"badge\">Paper submitter</span>" }
        return AccountRules.isAuthor(author, of: paper) ? " <span class=\"badge\">Author</span>" : ""
    }

    private static func body(_ comment: Comment, badge: HTML) -> HTML {
        if comment.deleted { return "<p class=\"by\">This comment was deleted.</p>" }
        if let reason = comment.hiddenReason { return "<p class=\"by\">This comment was hidden by a moderator (\(reason.label)).</p>" }
        let author: HTML = comment.author.map { "<a href=\"\(Route.user($0).path)\">\(Avatar.render($0))\($0)</a>" } ?? "a deleted account"
        let edited: HTML = comment.editedAt == nil ? "" : " · edited"
        return """
            <div class="by">\(author)\(badge) · <time datetime="\(comment.createdAt.description)">\(CardFormatting.fullDate(comment.createdAt.day))</time>\(edited)</div>
            <div class="text">\(HTML(unescaped: comment.html))</div>
            """
    }

    /// Reply, Edit, Delete and Hide, in one row that looks one way: each a link-styled control.
    private static func controls(_ comment: Comment, reply: HTML?, now: Timestamp, viewer: Viewer?) -> HTML {
        guard let viewer, comment.isVisible else { return "" }
        var parts: [HTML] = reply.map { [$0] } ?? []
        let id = Int(comment.id)
        if comment.author == viewer.user.username {
            if CommentRules.isEditable(comment, now: now) {
                parts.append(
                    """
                    <details><summary>Edit</summary><form method="post" action="\(Route.commentAction(id: String(id), .edit).path)">\(CSRF.hiddenField(viewer.csrf))\
                    <textarea name="body" required maxlength="\(CommentRules.maxLength)">\(comment.body)</textarea><button>Save</button></form></details>
                    """)
            }
            parts.append(
                "<form class=\"inline\" method=\"post\" action=\"\(Route.commentAction(id: String(id), .delete).path)\">\(CSRF.hiddenField(viewer.csrf))<button class=\"link\">Delete</button></form>"
            )
        }
        if viewer.user.role.canModerate {
            parts.append(
                """
                <form class="inline" method="post" action="\(Route.commentAction(id: String(id), .hide).path)">\(CSRF.hiddenField(viewer.csrf))\
                <select name="reason" aria-label="Reason">\(reasonOptions())</select> <button class="link">Hide</button></form>
                """)
        }
        return parts.isEmpty ? "" : "<div class=\"actions\">\(HTML(joining: parts))</div>"
    }

    static func reasonOptions() -> HTML {
        HTML(joining: HideReason.allCases.map { "<option value=\"\($0.rawValue)\">\($0.label)</option>" })
    }

    private static func replyBox(paperId: String, parentId: Int64, viewer: Viewer?) -> HTML? {
        guard let viewer else { return nil }
        return """
            <details><summary>Reply</summary><form method="post" action="\(Route.paperAction(id: paperId, .comment).path)">\(CSRF.hiddenField(viewer.csrf))\
            <input type="hidden" name="parent" value="\(Int(parentId))"><textarea name="body" required maxlength="\(CommentRules.maxLength)" aria-label="Reply"></textarea>\
            <button>Reply</button></form></details>
            """
    }

    private static func newCommentForm(paperId: String, viewer: Viewer?) -> HTML {
        guard let viewer else {
            let next = TextEncoding.percentEncode(Route.paper(id: paperId).path + "#comments")
            return "<p><a href=\"\(Route.logInForm.path)?next=\(next)\">Log in</a> to comment.</p>"
        }
        return """
            <form class="stack" method="post" action="\(Route.paperAction(id: paperId, .comment).path)">\(CSRF.hiddenField(viewer.csrf))
            <label>Add a comment <small class="by">(**bold**, *emphasis*, `code`, [links](https://…))</small>
            <textarea name="body" required maxlength="\(CommentRules.maxLength)"></textarea></label>
            <div><button>Comment</button></div>
            </form>
            """
    }
}
