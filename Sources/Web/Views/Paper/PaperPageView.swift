import PapersCore
import Presentation

/// A paper's own page: everything DailyPapers knows about it, laid out from its `PaperPageModel`.
enum PaperPageView {
    static func render(_ model: PaperPageModel) -> HTML {
        let paper = model.paper
        let discussion: HTML = model.comments.map { CommentViews.section(paper: paper, comments: $0, now: model.now, viewer: model.viewer) } ?? ""
        let content: HTML = """
            <article class="paper">
            <div class="votes page-votes">\(VoteButton.render(paper, viewer: model.viewer))\(SaveButton.render(paper.id, viewer: model.viewer))</div>
            <p class="meta">\(model.published.map { "Published on <time datetime=\"\($0.day.description)\">\($0.text)</time>" as HTML })</p>
            <h1>\(TeXText.plain(paper.title))</h1>
            \(authors(model))
            <ul class="links">\(HTML(joining: model.links.map(link)))</ul>
            \(paper.aiSummary.map { "<p class=\"summary\"><strong>AI summary:</strong> \($0)</p>" as HTML })
            <h2>Abstract</h2>
            <p>\(HTML(unescaped: CommentMarkdown.linkingAddresses(TeXText.plain(paper.abstract))))</p>
            <dl class="facts">\(counts(model))\(HTML(joining: model.facts.map(fact)))</dl>
            <p class="meta"><a href="\(Route.paperMarkdown(id: paper.id).path)">Read as Markdown</a> · <a href="\(Route.apiPaper(id: paper.id).path)">JSON</a></p>
            \(citeBox(model))\(model.viewer.map { CollectionForms.addPaper(paper.id, collections: model.ownCollections, organizations: model.organizations, viewer: $0) })\(collectionsSection(model))
            \(PaperToolsView.render(paper, viewer: model.viewer))
            \(similarSection(model))
            \(discussion)
            </article>
            """
        return Layout.page(
            title: TeXText.plain(paper.title), description: CardFormatting.snippet(TeXText.plain(paper.abstract), limit: 200),
            viewer: model.viewer, content: content)
    }

    /// "Cite": the BibTeX entry to copy, and the three citation files.
    private static func citeBox(_ model: PaperPageModel) -> HTML {
        let files = CitationFormat.allCases.map { format in
            "<a href=\"\(Route.paperCitation(id: model.paper.id, format: format).path)\" download>\(format.label)</a>" as HTML
        }
        return """
            <details class="cite"><summary>Cite</summary>\
            <pre class="bibtex" tabindex="0">\(BibTeX.entry(model.citation).trimmingCharacters(in: .newlines))</pre>\
            <p class="meta">Download: \(HTML(joining: files, separator: " · "))</p></details>
            """
    }

    /// "Collections including this paper", most upvoted first.
    private static func collectionsSection(_ model: PaperPageModel) -> HTML {
        guard !model.collections.isEmpty else { return "" }
        let items = model.collections.map { collection in
            """
            <li><a href="\(Route.collection(slug: collection.slug).path)">\(collection.title)</a> \
            <span class="meta">by <bdi>\(collection.owner)</bdi> · \(collection.itemCount) papers · ▲ \(collection.upvotes)</span></li>
            """ as HTML
        }
        return """
            <section class="in-collections" aria-labelledby="collections-heading"><h2 id="collections-heading">Collections including this paper</h2>\
            <ul>\(HTML(joining: items))</ul></section>
            """
    }

    private static func similarSection(_ model: PaperPageModel) -> HTML {
        guard !model.similar.isEmpty else { return "" }
        let items = model.similar.map { entry in
            """
            <li><a href="\(Route.paper(id: entry.paper.id).path)">\(TeXText.plain(entry.paper.title))</a> \
            <span class="meta">\(PaperPageModel.similarity(entry.similarity)) · \(PaperCardView.meta(entry.paper, currentYear: model.currentYear))</span></li>
            """ as HTML
        }
        return
            "<section class=\"similar\" aria-labelledby=\"similar-heading\"><h2 id=\"similar-heading\">Similar papers</h2><ol class=\"similar\">\(HTML(joining: items))</ol></section>"
    }

    private static func authors(_ model: PaperPageModel) -> HTML {
        let (names, count) = model.authors
        if !names.isEmpty {
            let links = names.map { "<a href=\"\($0.href)\"><bdi>\($0.name)</bdi></a>" as HTML }
            let shown = PaperPageModel.shownAuthors
            guard links.count > shown + 1 else { return "<p class=\"authors\">\(HTML(joining: links, separator: ", "))</p>" }
            // A div: a <details> may not sit inside a paragraph.
            return """
                <div class="authors">\(HTML(joining: Array(links.prefix(shown)), separator: ", ")), \
                <details class="more-authors"><summary>+\(links.count - shown) more</summary>\(HTML(joining: Array(links.dropFirst(shown)), separator: ", "))</details></div>
                """
        }
        return count.map { "<p class=\"authors\">\($0)</p>" } ?? ""
    }

    /// Upvotes and comments, each split by where they were given, the totals updated by the vote script.
    private static func counts(_ model: PaperPageModel) -> HTML {
        let paper = model.paper
        let (total, hub, here) = model.upvoteSplit
        let split: HTML = hub > 0 ? " (\(hub) on Hugging Face, <span data-upvotes-here=\"\(paper.id)\">\(here)</span> here)" : ""
        let hubComments = paper.sourceCounts.comments
        let comments: HTML = """
            <dt>Comments</dt><dd><a href="#comments">\(paper.community.comments) here</a>\
            \(hubComments > 0 ? " · \(HubLinks.comments(paper, count: hubComments))" : "" as HTML)</dd>
            """
        return "<dt>Upvotes</dt><dd><span data-upvotes=\"\(paper.id)\">\(total)</span>\(split)</dd>\(comments)"
    }

    private static func link(_ link: PaperPageModel.Link) -> HTML {
        let rel: HTML = link.external ? " rel=\"nofollow\"" : ""
        return "<li><a href=\"\(link.url)\"\(rel)>\(link.label)</a></li>"
    }

    private static func fact(_ fact: PaperPageModel.Fact) -> HTML {
        let text: HTML = fact.isName ? "<bdi>\(fact.value)</bdi>" : "\(fact.value)"
        let value: HTML = fact.href.map { "<a href=\"\($0)\">\(text)</a>" } ?? text
        return "<dt>\(fact.label)</dt><dd>\(value)</dd>"
    }
}
