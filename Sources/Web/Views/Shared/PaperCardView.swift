import PapersCore
import Presentation

/// A paper card as on the reference listing: title, clamped abstract, byline, "·", date, and upvotes.
enum PaperCardView {
    static func card(_ paper: Paper, currentYear: Int, viewer: Viewer?, extra: HTML? = nil) -> HTML {
        """
        <li class="card" id="\(anchor(paper.id))">
        <div class="votes">\(VoteButton.render(paper, viewer: viewer))\(SaveButton.render(paper.id, viewer: viewer))</div>
        <div>
        <h2><a href="\(Route.paper(id: paper.id).path)">\(TeXText.plain(paper.title))</a></h2>
        <p class="abstract">\(PaperPresentation.excerpt(paper))</p>
        <div class="meta">\(meta(paper, currentYear: currentYear, viewer: viewer))\(submission(paper, currentYear: currentYear))\(comments(paper))\(code(paper))\(extra)</div>\(categories(paper))
        </div>
        \(Cover.render(paper))
        </li>
        """
    }

    static func list(_ papers: [Paper], currentYear: Int, viewer: Viewer?) -> HTML {
        "<ol class=\"cards\">\(papers.map { card($0, currentYear: currentYear, viewer: viewer) })</ol>"
    }

    /// The card's element id, which a vote without JavaScript returns to (`#paper-2410.11779`).
    static func anchor(_ id: String) -> String {
        "paper-" + id
    }

    /// " · submitted by ak on Nov 3": who put the paper on the daily feed, and on which day.
    private static func submission(_ paper: Paper, currentYear: Int) -> HTML {
        guard paper.submittedBy != nil else { return "" }
        let day: HTML =
            paper.featuredOn.map {
                " on <time datetime=\"\($0.description)\">\(CardFormatting.shortDate($0, currentYear: currentYear))</time>"
            } ?? ""
        return " · submitted by \(SubmitterLink.render(paper))\(day)"
    }

    /// The paper's arXiv categories, primary first, each a link to its page (at most four: cross-lists can run long).
    private static func categories(_ paper: Paper) -> HTML {
        guard !paper.categories.isEmpty else { return "" }
        let links = paper.categories.prefix(4).enumerated().map { index, category -> HTML in
            "\(index == 0 ? "" : " · ")<a href=\"\(Route.category(category).path)\">\(category)</a>"
        }
        return "<div class=\"categories\">\(links)\(paper.categories.count > 4 ? " · +\(paper.categories.count - 4)" : "")</div>"
    }

    /// Comments here (the thread on the paper's page) and, apart, the count Hugging Face gave.
    private static func comments(_ paper: Paper) -> HTML {
        let here = paper.community.comments
        let hub = paper.sourceCounts.comments
        let ours: HTML = here > 0 ? " · <a href=\"\(Route.paper(id: paper.id).path)#comments\">\(CardFormatting.comments(here))</a>" : ""
        let theirs: HTML = hub > 0 ? " · \(HubLinks.comments(paper, count: hub))" : ""
        return "\(ours)\(theirs)"
    }

    /// " · Code ★ 1.2k": the repository Hugging Face links, with its stars.
    private static func code(_ paper: Paper) -> HTML {
        guard let repo = paper.githubRepo, TextEncoding.isWebURL(repo) else { return "" }
        let stars: HTML = paper.githubStars.map { " <span aria-label=\"\($0) stars\">★ \(CardFormatting.compactCount($0))</span>" } ?? ""
        return " · <a href=\"\(repo)\" rel=\"nofollow\">Code</a>\(stars)"
    }

    /// A member's small Follow (or Following) beside the card's organization.
    private static func follow(_ organization: Organization, _ viewer: Viewer?) -> HTML {
        guard let viewer else { return "" }
        let following = viewer.followedOrganizations.contains(organization.name.lowercased())
        return " \(FollowButton.render(.organization, organization.name, following: following, followers: nil, viewer: viewer, compact: true))"
    }

    /// "• 3 authors · Mar 24", "NVIDIA · Oct 1", or whichever parts are known.
    static func meta(_ paper: Paper, currentYear: Int, viewer: Viewer? = nil) -> HTML {
        var parts: [HTML] = []
        switch CardFormatting.byline(for: paper) {
            case .organization(let organization)?:
                let logo = Avatar.render(organization.fullname, image: paper.hub?.organizationAvatar)
                parts.append(
                    "<a href=\"\(Route.organization(organization.name).path)\">\(logo)<bdi>\(organization.fullname)</bdi></a>\(follow(organization, viewer))"
                )
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
            return
                "<a class=\"vote\" href=\"\(Route.logInForm.path)?next=\(Route.paper(id: paper.id).path)\" aria-label=\"\(paper.upvotes) upvotes: log in to upvote\">▲ <span class=\"count\">\(paper.upvotes)</span><small>upvotes</small></a>"
        }
        let upvoted = viewer.upvoted.contains(paper.id)
        return """
            <form class="vote" method="post" action="\(Route.paperAction(id: paper.id, .upvote).path)" data-paper="\(paper.id)">\(CSRF.hiddenField(viewer.csrf))\
            <input type="hidden" name="upvoted" value="\(upvoted ? "0" : "1")">\
            <button aria-pressed="\(upvoted ? "true" : "false")" title="\(upvoted ? "Remove your upvote" : "Upvote")">▲ <span class="count" data-upvotes="\(paper.id)">\(paper.upvotes)</span><small>upvotes</small></button></form>
            """
    }
}

/// "Save" on a card and a paper page: adds the paper to the member's reading list, or takes it off.
enum SaveButton {
    static func render(_ paperId: String, viewer: Viewer?) -> HTML {
        guard let viewer else { return "" }
        let saved = viewer.saved.contains(paperId)
        return """
            <form class="save" method="post" action="\(Route.paperAction(id: paperId, .save).path)">\(CSRF.hiddenField(viewer.csrf))\
            <input type="hidden" name="saved" value="\(saved ? "0" : "1")">\
            <button class="link" aria-pressed="\(saved ? "true" : "false")" title="\(saved ? "Remove from your reading list" : "Save to your reading list (s)")">\
            \(saved ? "★ Saved" : "☆ Save")</button></form>
            """
    }
}
