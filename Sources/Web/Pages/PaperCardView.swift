import PapersCore

/// A paper card as on the reference listing: title, clamped abstract, byline, "·", date, and upvotes.
enum PaperCardView {
    static func card(_ paper: Paper, currentYear: Int, viewer: Viewer?, extra: HTML? = nil) -> HTML {
        """
        <li class="card">
        <div class="votes">\(VoteButton.render(paper, viewer: viewer))</div>
        <div>
        <h2><a href="\(Route.paper(id: paper.id).path)">\(paper.title)</a></h2>
        <p class="abstract">\(paper.abstract)</p>
        <div class="meta">\(meta(paper, currentYear: currentYear))\(submission(paper, currentYear: currentYear))\(comments(paper))\(extra)</div>\(categories(paper))
        </div>
        </li>
        """
    }

    static func list(_ papers: [Paper], currentYear: Int, viewer: Viewer?) -> HTML {
        "<ol class=\"cards\">\(papers.map { card($0, currentYear: currentYear, viewer: viewer) })</ol>"
    }

    /// " · submitted by ak on Nov 3": who put the paper on the daily feed, and on which day.
    private static func submission(_ paper: Paper, currentYear: Int) -> HTML {
        guard let submitter = paper.submittedBy else { return "" }
        let day: HTML = paper.featuredOn.map {
            " on <time datetime=\"\($0.description)\">\(CardFormatting.shortDate($0, currentYear: currentYear))</time>"
        } ?? ""
        return " · submitted by <a href=\"\(Route.user(submitter).path)\">\(submitter)</a>\(day)"
    }

    /// The paper's arXiv categories, primary first, each a link to its page (at most four: cross-lists can run long).
    private static func categories(_ paper: Paper) -> HTML {
        guard !paper.categories.isEmpty else { return "" }
        let links = paper.categories.prefix(4).enumerated().map { index, category -> HTML in
            "\(index == 0 ? "" : " · ")<a href=\"\(Route.category(category).path)\">\(category)</a>"
        }
        return "<div class=\"categories\">\(links)\(paper.categories.count > 4 ? " · +\(paper.categories.count - 4)" : "")</div>"
    }

    private static func comments(_ paper: Paper) -> HTML {
        guard paper.numComments > 0 else { return "" }
        return " · <a href=\"\(Route.paper(id: paper.id).path)#comments\">\(paper.numComments) comment\(paper.numComments == 1 ? "" : "s")</a>"
    }

    /// "• 3 authors · Mar 24", "NVIDIA · Oct 1", or whichever parts are known.
    static func meta(_ paper: Paper, currentYear: Int) -> HTML {
        var parts: [HTML] = []
        switch CardFormatting.byline(for: paper) {
            case .organization(let organization)?:
                parts.append("<a href=\"\(Route.organization(organization.name).path)\">\(organization.fullname)</a>")
            case .authors(let text)?:
                parts.append("<span>\(text)</span>")
            case nil:
                break
        }
        if let published = paper.publishedAt?.day {
            parts.append("<time datetime=\"\(published.description)\">\(CardFormatting.shortDate(published, currentYear: currentYear))</time>")
        }
        return HTML(joining: parts, separator: " · ")
    }
}

/// The upvote control: a form for members (enhanced by the page's script), a link to log in for visitors.
enum VoteButton {
    static func render(_ paper: Paper, viewer: Viewer?) -> HTML {
        guard let viewer else {
            return "<a class=\"vote\" href=\"\(Route.logInForm.path)?next=\(Route.paper(id: paper.id).path)\">▲ <span class=\"count\">\(paper.upvotes)</span><small>upvotes</small></a>"
        }
        let upvoted = viewer.upvoted.contains(paper.id)
        return """
            <form class="vote" method="post" action="\(Route.paperAction(id: paper.id, .upvote).path)">\(CSRF.hiddenField(viewer.csrf))\
            <input type="hidden" name="upvoted" value="\(upvoted ? "0" : "1")">\
            <button aria-pressed="\(upvoted ? "true" : "false")" title="\(upvoted ? "Remove your upvote" : "Upvote")">▲ <span class="count">\(paper.upvotes)</span><small>upvotes</small></button></form>
            """
    }
}
