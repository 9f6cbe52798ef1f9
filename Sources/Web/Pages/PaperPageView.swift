import PapersCore

/// A paper's own page: everything DailyPapers knows about it.
enum PaperPageView {
    /// - Parameter comments: the paper's comments, or nil when the server runs without the community tables.
    /// - Parameter similar: the nearest papers by meaning, with their cosine similarity.
    static func render(_ paper: Paper, comments: [Comment]? = nil, similar: [(paper: Paper, similarity: Float)] = [], currentYear: Int, now: Timestamp, viewer: Viewer?) -> HTML {
        let discussion: HTML = comments.map { CommentViews.section(paperId: paper.id, comments: $0, now: now, viewer: viewer) } ?? ""
        let content: HTML = """
            <article class="paper">
            <div class="votes page-votes">\(VoteButton.render(paper, viewer: viewer))</div>
            <p class="meta">\(published(paper))</p>
            <h1>\(paper.title)</h1>
            \(authors(paper))
            <ul class="links">\(links(paper))</ul>
            \(paper.aiSummary.map { "<p class=\"summary\"><strong>AI summary:</strong> \($0)</p>" as HTML })
            <h2>Abstract</h2>
            <p>\(paper.abstract)</p>
            <dl class="facts">\(facts(paper))</dl>
            <p class="meta"><a href="\(Route.paperMarkdown(id: paper.id).path)">Read as Markdown</a> · <a href="\(Route.apiPaper(id: paper.id).path)">JSON</a></p>
            \(PaperToolsView.render(paper, viewer: viewer))
            \(similarSection(similar, currentYear: currentYear))
            \(discussion)
            </article>
            """
        return Layout.page(title: paper.title, description: String(paper.abstract.prefix(200)), viewer: viewer, content: content)
    }

    private static func similarSection(_ similar: [(paper: Paper, similarity: Float)], currentYear: Int) -> HTML {
        guard !similar.isEmpty else { return "" }
        let items = similar.map { entry in
            """
            <li><a href="\(Route.paper(id: entry.paper.id).path)">\(entry.paper.title)</a> \
            <span class="meta">\(Int((entry.similarity * 100).rounded()))% similar · \(PaperCardView.meta(entry.paper, currentYear: currentYear))</span></li>
            """ as HTML
        }
        return "<section class=\"similar\" aria-labelledby=\"similar-heading\"><h2 id=\"similar-heading\">Similar papers</h2><ol class=\"similar\">\(HTML(joining: items))</ol></section>"
    }

    private static func published(_ paper: Paper) -> HTML {
        guard let day = paper.publishedAt?.day else { return "" }
        return "Published on <time datetime=\"\(day.description)\">\(CardFormatting.fullDate(day))</time>"
    }

    private static func authors(_ paper: Paper) -> HTML {
        if !paper.authors.isEmpty {
            let links = paper.authors.map { "<a href=\"\(Route.author($0).path)\">\($0)</a>" as HTML }
            return "<p class=\"authors\">\(HTML(joining: links, separator: ", "))</p>"
        }
        if paper.authorCount > 0 { return "<p class=\"authors\">\(CardFormatting.authorCount(paper.authorCount))</p>" }
        return ""
    }

    private static func links(_ paper: Paper) -> HTML {
        var items: [HTML] = []
        if let arxivId = paper.arxivId {
            items.append("<li><a href=\"https://arxiv.org/abs/\(arxivId)\">arXiv page</a></li>")
            items.append("<li><a href=\"https://arxiv.org/pdf/\(arxivId)\">PDF</a></li>")
        }
        for link in CodeLinks.links(for: paper) {
            let stars: HTML = paper.githubRepo == link ? paper.githubStars.map { " ★ \($0)" } ?? "" : ""
            items.append("<li><a href=\"\(link)\" rel=\"nofollow\">Code\(stars)</a></li>")
        }
        if let page = paper.projectPage, TextEncoding.isWebURL(page) { items.append("<li><a href=\"\(page)\" rel=\"nofollow\">Project page</a></li>") }
        return HTML(joining: items)
    }

    private static func facts(_ paper: Paper) -> HTML {
        var rows: [HTML] = ["<dt>Upvotes</dt><dd>\(paper.upvotes)</dd>"]
        if let organization = paper.organization {
            rows.append("<dt>Organization</dt><dd><a href=\"\(Route.organization(organization.name).path)\">\(organization.fullname)</a></dd>")
        }
        if let day = paper.featuredOn {
            rows.append("<dt>Featured</dt><dd><a href=\"\(Route.feed(.day(day)).path)\">\(CardFormatting.fullDate(day))</a></dd>")
        }
        if let submitter = paper.submittedBy { rows.append("<dt>Submitted by</dt><dd><a href=\"\(Route.user(submitter).path)\">\(submitter)</a></dd>") }
        if paper.numComments > 0 { rows.append("<dt>Comments</dt><dd>\(paper.numComments)</dd>") }
        if !paper.categories.isEmpty { rows.append("<dt>Categories</dt><dd>\(paper.categories.joined(separator: ", "))</dd>") }
        if !paper.aiKeywords.isEmpty { rows.append("<dt>Keywords</dt><dd>\(paper.aiKeywords.joined(separator: ", "))</dd>") }
        if let journal = paper.journalRef { rows.append("<dt>Journal</dt><dd>\(journal)</dd>") }
        if let doi = paper.doi { rows.append("<dt>DOI</dt><dd><a href=\"https://doi.org/\(doi)\">\(doi)</a></dd>") }
        if let comments = paper.arxivComments { rows.append("<dt>Comments (arXiv)</dt><dd>\(comments)</dd>") }
        return HTML(joining: rows)
    }
}
