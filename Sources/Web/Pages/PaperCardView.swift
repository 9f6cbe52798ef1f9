import PapersCore

/// A paper card as on the reference listing: title, clamped abstract, byline, "·", date, and upvotes.
enum PaperCardView {
    static func card(_ paper: Paper, currentYear: Int, extra: HTML? = nil) -> HTML {
        """
        <li class="card">
        <div class="votes" title="upvotes">\(paper.upvotes)<small>upvotes</small></div>
        <div>
        <h2><a href="\(SiteRoute.paper(id: paper.id).path)">\(paper.title)</a></h2>
        <p class="abstract">\(paper.abstract)</p>
        <div class="meta">\(meta(paper, currentYear: currentYear))\(extra)</div>
        </div>
        </li>
        """
    }

    static func list(_ papers: [Paper], currentYear: Int) -> HTML {
        "<ol class=\"cards\">\(papers.map { card($0, currentYear: currentYear) })</ol>"
    }

    /// "• 3 authors · Mar 24", "NVIDIA · Oct 1", or whichever parts are known.
    static func meta(_ paper: Paper, currentYear: Int) -> HTML {
        var parts: [HTML] = []
        switch CardFormatting.byline(for: paper) {
            case .organization(let organization)?:
                parts.append("<a href=\"\(SiteRoute.organization(organization.name).path)\">\(organization.fullname)</a>")
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
