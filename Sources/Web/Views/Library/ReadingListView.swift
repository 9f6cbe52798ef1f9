import PapersCore
import Presentation
import Search

/// `/saved`: the member's reading list — filters, a search within it, each paper with its read state and note.
enum ReadingListView {
    /// What the page shows.
    struct Model {
        let entries: [(entry: SavedPaper, paper: Paper)]
        let parameters: ReadingListParameters
        let total: Int
        let unread: Int
        let hasMore: Bool
        let viewer: Viewer
        let currentYear: Int
    }

    static func render(_ model: Model) -> HTML {
        let query = model.parameters.queryString
        let path = Route.saved.path + (query.isEmpty ? "" : "?" + query)
        let cite = CitationFormat.allCases.map { "<a href=\"\(Route.savedCitation($0).path)\" download>\($0.label)</a>" as HTML }
        let cards = model.entries.map { card($0.entry, $0.paper, model) }
        let list: HTML =
            cards.isEmpty
            ? PageLinks.empty(path: path, page: model.parameters.page, empty: emptyMessage(model))
            : "<ol class=\"cards\">\(HTML(joining: cards))</ol>\(PageLinks.render(path: path, page: model.parameters.page, hasMore: model.hasMore))"
        let content: HTML = """
            <h1>Your reading list</h1>
            <p class="sub">\(model.total) saved · \(model.unread) unread · only you see this page</p>
            \(filters(model.parameters))
            <p class="meta">Cite all: \(HTML(joining: cite, separator: " · "))</p>
            \(list)
            """
        return Layout.page(title: "Your reading list", alternates: [], viewer: model.viewer, content: content)
    }

    private static func emptyMessage(_ model: Model) -> HTML {
        model.total == 0
            ? "<p class=\"empty\">Nothing saved yet. Press ☆ Save on any paper (or <kbd>s</kbd> on a card) to keep it here.</p>"
            : "<p class=\"empty\">No saved paper matches. <a href=\"\(Route.saved.path)\">Show them all</a></p>"
    }

    private static func filters(_ parameters: ReadingListParameters) -> HTML {
        let filter = parameters.filter
        let states = ReadingListFilter.State.allCases.map { state in
            "<option value=\"\(state.rawValue)\"\(state == filter.state ? " selected" : "")>\(state.rawValue)</option>" as HTML
        }
        let modes: [(SearchMode, String)] = [(.hybrid, "words and meaning"), (.keyword, "words"), (.semantic, "meaning")]
        let modeOptions = modes.map { mode in
            "<option value=\"\(mode.0.rawValue)\"\(mode.0 == parameters.mode ? " selected" : "")>\(mode.1)</option>" as HTML
        }
        return """
            <form class="filters" method="get" action="\(Route.saved.path)">
            <label>Search your list <input type="search" name="q" value="\(parameters.query)" maxlength="\(ReadingListParameters.maximumQuery)"></label>
            <label>by <select name="mode">\(HTML(joining: modeOptions))</select></label>
            <label>Show <select name="state">\(HTML(joining: states))</select></label>
            <label>Category <input name="category" value="\(filter.category ?? "")" size="8" placeholder="cs.CL"></label>
            <label>Organization <input name="org" value="\(filter.organization ?? "")" size="10"></label>
            <label><input type="checkbox" name="code" value="1"\(filter.hasCode ? " checked" : "")> Has code</label>
            <label>Published from <input type="date" name="from" value="\(filter.publishedFrom?.description ?? "")"></label>
            <label>to <input type="date" name="to" value="\(filter.publishedTo?.description ?? "")"></label>
            <button>Apply</button></form>
            """
    }

    private static func card(_ entry: SavedPaper, _ paper: Paper, _ model: Model) -> HTML {
        let csrf = CSRF.hiddenField(model.viewer.csrf)
        let read = entry.readAt != nil
        let extra: HTML = """
             · saved \(CardFormatting.fullDate(entry.savedAt.day))\(read ? " · <span class=\"badge\">Read</span>" : "")\
            \(entry.note.map { "<p class=\"note\"><strong>Your note:</strong> \($0)</p>" as HTML })\
            <span class="item-tools"><form class="inline" method="post" action="\(Route.paperAction(id: paper.id, .read).path)">\(csrf)\
            <input type="hidden" name="read" value="\(read ? "0" : "1")"><button class="link">\(read ? "Mark unread" : "Mark read")</button></form>\
            <details class="inline"><summary>Note</summary><form class="stack" method="post" action="\(Route.paperAction(id: paper.id, .note).path)">\(csrf)\
            <label>Private note <textarea name="note" maxlength="\(CollectionRules.maximumNote)" rows="3">\(entry.note ?? "")</textarea></label>\
            <button>Save note</button></form></details></span>
            """
        return PaperCardView.card(paper, currentYear: model.currentYear, viewer: model.viewer, extra: extra)
    }
}
