import PapersCore
import Presentation

/// A collection's page: its papers in order with their notes, its upvotes, its feeds and citation files, and —
/// for those who may change it — the forms that do.
enum CollectionPageView {
    /// What the page shows.
    struct Model {
        let collection: PaperCollection
        /// The items of this page, and their papers.
        let shown: [CollectionItem]
        let papers: [String: Paper]
        let page: Int
        let viewer: Viewer?
        let mayEdit: Bool
        let upvoted: Bool
        let currentYear: Int
        /// Follow, for a public collection.
        let follow: HTML?
    }

    static func render(_ model: Model) -> HTML {
        let collection = model.collection
        let slug = collection.slug
        let ownerPath = collection.ownerIsOrganization ? Route.organization(collection.owner).path : Route.user(collection.owner).path
        let privacy: HTML = collection.isPrivate ? " · <span class=\"badge\">Private</span>" : ""
        let content: HTML = """
            <article class="collection theme-\(collection.theme.rawValue)">
            <div class="votes page-votes">\(upvote(model))</div>
            <p class="meta">Collection by <a href="\(ownerPath)"><bdi>\(collection.owner)</bdi></a>\(privacy) · \
            \(collection.itemCount) \(collection.itemCount == 1 ? "paper" : "papers") · updated \
            <time datetime="\(collection.updatedAt.day.description)">\(CardFormatting.fullDate(collection.updatedAt.day))</time></p>
            <h1>\(collection.title)</h1>
            \(model.follow.map { "<p class=\"follow-line\">\($0)</p>" as HTML })
            \(collection.description.isEmpty ? "" : "<p class=\"summary\">\(collection.description)</p>" as HTML)
            <p class="meta">\(links(slug, isPrivate: collection.isPrivate))</p>
            \(items(model))
            \(model.mayEdit ? CollectionForms.settings(collection, viewer: model.viewer) : "")
            </article>
            """
        let alternates = collection.isPrivate ? [] : Layout.Alternate.both(collection.title) { Route.collectionFeed(slug: slug, $0) }
        return Layout.page(
            title: collection.title, description: collection.description, alternates: alternates, viewer: model.viewer, content: content)
    }

    private static func links(_ slug: String, isPrivate: Bool) -> HTML {
        let cite = CitationFormat.allCases.map {
            "<a href=\"\(Route.collectionCitation(slug: slug, format: $0).path)\" download>\($0.label)</a>" as HTML
        }
        let feeds: HTML =
            isPrivate
            ? ""
            : "Feed: <a href=\"\(Route.collectionFeed(slug: slug, .rss).path)\">RSS</a> · <a href=\"\(Route.collectionFeed(slug: slug, .atom).path)\">Atom</a> · "
        return "\(feeds)Cite all: \(HTML(joining: cite, separator: " · "))"
    }

    /// The same ▲ as a paper's, so the page's vote script updates it in place (`data-paper` names the collection).
    private static func upvote(_ model: Model) -> HTML {
        let count = model.collection.upvotes
        let key = "collection-\(model.collection.id)"
        guard let viewer = model.viewer else {
            return """
                <a class="vote" href="\(Route.logInForm.path)?next=\(Route.collection(slug: model.collection.slug).path)" \
                aria-label="\(count) upvotes: log in to upvote">▲ <span class="count">\(count)</span><small>upvotes</small></a>
                """
        }
        return """
            <form class="vote" method="post" action="\(Route.collectionAction(slug: model.collection.slug, .upvote).path)" data-paper="\(key)">\
            \(CSRF.hiddenField(viewer.csrf))<input type="hidden" name="upvoted" value="\(model.upvoted ? "0" : "1")">\
            <button aria-pressed="\(model.upvoted ? "true" : "false")" title="\(model.upvoted ? "Remove your upvote" : "Upvote")">▲ \
            <span class="count" data-upvotes="\(key)">\(count)</span><small>upvotes</small></button></form>
            """
    }

    private static func items(_ model: Model) -> HTML {
        let collection = model.collection
        let path = Route.collection(slug: collection.slug).path
        guard !model.shown.isEmpty else {
            return PageLinks.empty(
                path: path, page: model.page, empty: "<p class=\"empty\">No papers yet. Add one with “Add to collection” on any paper's page.</p>")
        }
        let cards = model.shown.compactMap { item -> HTML? in
            guard let paper = model.papers[item.paperId] else { return nil }
            let note: HTML = item.note.map { "<p class=\"note\"><strong>Note:</strong> \($0)</p>" } ?? ""
            let tools: HTML = model.mayEdit ? CollectionForms.itemTools(item, in: collection, viewer: model.viewer) : ""
            return PaperCardView.card(paper, currentYear: model.currentYear, viewer: model.viewer, extra: "\(note)\(tools)")
        }
        let more = (model.page + 1) * PageNumber.size < collection.items.count
        return "<ol class=\"cards collection-items\">\(HTML(joining: cards))</ol>\(PageLinks.render(path: path, page: model.page, hasMore: more))"
    }
}
