import Community
import PapersCore
import Presentation

/// The member tools under a paper: attribute it to an organization, and (for moderators) hide it.
enum PaperToolsView {
    static func render(_ paper: Paper, viewer: Viewer?) -> HTML {
        guard let viewer else { return "" }
        var tools: [HTML] = []
        // Only what this member may do is offered: the service refuses the rest anyway.
        if OrganizationService.mayAttribute(paper, user: viewer.user) {
            tools.append(
                """
                <form class="inline" method="post" action="\(Route.paperAction(id: paper.id, .organization).path)">\(CSRF.hiddenField(viewer.csrf))\
                <label>Organization <input name="organization" value="\(paper.organization?.name ?? "")" placeholder="e.g. nvidia" size="14"></label> \
                <button>Attribute</button></form>
                """)
        }
        if viewer.user.role.canModerate {
            tools.append(
                """
                <form class="inline" method="post" action="\(Route.paperAction(id: paper.id, .hide).path)">\(CSRF.hiddenField(viewer.csrf))\
                <select name="reason" aria-label="Reason">\(CommentViews.reasonOptions())</select> <button>Hide paper</button></form>
                """)
        }
        guard !tools.isEmpty else { return "" }
        return
            "<details class=\"tools\"><summary>Paper tools</summary><p class=\"meta\">Its submitter, one of its authors or an admin can attribute a paper to an organization they belong to.</p>\(HTML(joining: tools, separator: " "))</details>"
    }
}
