import PapersCore

/// A paper's own page: everything DailyPapers knows about it, laid out from its `PaperPageModel`.
enum PaperPageView {
    static func render(_ model: PaperPageModel) -> HTML {
        let paper = model.paper
        let discussion: HTML = model.comments.map { CommentViews.section(paperId: paper.id, comments: $0, now: model.now, viewer: model.viewer) } ?? ""
        let content: HTML = """
            <article class="paper">
            <div class="votes page-votes">\(VoteButton.render(paper, viewer: model.viewer))</div>
            <p class="meta">\(model.published.map { "Published on <time datetime=\"\($0.day.description)\">\($0.text)</time>" as HTML })</p>
            <h1>\(paper.title)</h1>
            \(authors(model))
            <ul class="links">\(HTML(joining: model.links.map(link)))</ul>
            \(paper.aiSummary.map { "<p class=\"summary\"><strong>AI summary:</strong> \($0)</p>" as HTML })
            <h2>Abstract</h2>
            <p>\(paper.abstract)</p>
            <dl class="facts">\(HTML(joining: model.facts.map(fact)))</dl>
            <p class="meta"><a href="\(Route.paperMarkdown(id: paper.id).path)">Read as Markdown</a> · <a href="\(Route.apiPaper(id: paper.id).path)">JSON</a></p>
            \(PaperToolsView.render(paper, viewer: model.viewer))
            \(similarSection(model))
            \(discussion)
            </article>
            """
        return Layout.page(title: paper.title, description: String(paper.abstract.prefix(200)), viewer: model.viewer, content: content)
    }

    private static func similarSection(_ model: PaperPageModel) -> HTML {
        guard !model.similar.isEmpty else { return "" }
        let items = model.similar.map { entry in
            """
            <li><a href="\(Route.paper(id: entry.paper.id).path)">\(entry.paper.title)</a> \
            <span class="meta">\(PaperPageModel.similarity(entry.similarity)) · \(PaperCardView.meta(entry.paper, currentYear: model.currentYear))</span></li>
            """ as HTML
        }
        return "<section class=\"similar\" aria-labelledby=\"similar-heading\"><h2 id=\"similar-heading\">Similar papers</h2><ol class=\"similar\">\(HTML(joining: items))</ol></section>"
    }

    private static func authors(_ model: PaperPageModel) -> HTML {
        let (names, count) = model.authors
        if !names.isEmpty {
            return "<p class=\"authors\">\(HTML(joining: names.map { "<a href=\"\($0.href)\">\($0.name)</a>" as HTML }, separator: ", "))</p>"
        }
        return count.map { "<p class=\"authors\">\($0)</p>" } ?? ""
    }

    private static func link(_ link: PaperPageModel.Link) -> HTML {
        let rel: HTML = link.external ? " rel=\"nofollow\"" : ""
        return "<li><a href=\"\(link.url)\"\(rel)>\(link.label)</a></li>"
    }

    private static func fact(_ fact: PaperPageModel.Fact) -> HTML {
        let value: HTML = fact.href.map { "<a href=\"\($0)\">\(fact.value)</a>" } ?? "\(fact.value)"
        return "<dt>\(fact.label)</dt><dd>\(value)</dd>"
    }
}
