import PapersCore
import Presentation

/// The forms that change collections: every one posts with the session's CSRF token and works without JavaScript.
enum CollectionForms {
    /// Move up, move down, the note, remove — for one item, shown to those who may change the collection.
    static func itemTools(_ item: CollectionItem, in collection: PaperCollection, viewer: Viewer?) -> HTML {
        guard let viewer else { return "" }
        let slug = collection.slug
        let hidden: HTML = "\(CSRF.hiddenField(viewer.csrf))<input type=\"hidden\" name=\"item\" value=\"\(item.id)\">"
        func move(_ label: String, _ symbol: String, to position: Int) -> HTML {
            """
            <form class="inline" method="post" action="\(Route.collectionAction(slug: slug, .move).path)">\(hidden)\
            <input type="hidden" name="position" value="\(position)"><button class="link" aria-label="\(label)">\(symbol)</button></form>
            """
        }
        let up: HTML = item.position > 0 ? move("Move up", "↑ Up", to: item.position - 1) : ""
        let down: HTML = item.position + 1 < collection.itemCount ? move("Move down", "↓ Down", to: item.position + 1) : ""
        return """
            <span class="item-tools">\(up)\(down)\
            <details class="inline"><summary>Note</summary><form class="stack" method="post" action="\(Route.collectionAction(slug: slug, .note).path)">\(hidden)\
            <label>Note (at most \(CollectionRules.maximumNote) characters) <textarea name="note" maxlength="\(CollectionRules.maximumNote)" rows="3">\(item.note ?? "")</textarea></label>\
            <button>Save note</button></form></details>\
            <form class="inline" method="post" action="\(Route.collectionAction(slug: slug, .remove).path)">\(hidden)<button class="link">Remove</button></form></span>
            """
    }

    /// Title, description, privacy and theme; and deleting the collection.
    static func settings(_ collection: PaperCollection, viewer: Viewer?) -> HTML {
        guard let viewer else { return "" }
        let themes = CollectionTheme.allCases.map { theme in
            "<option value=\"\(theme.rawValue)\"\(theme == collection.theme ? " selected" : "")>\(theme.rawValue)</option>" as HTML
        }
        return """
            <details class="collection-settings"><summary>Edit this collection</summary>
            <form class="stack" method="post" action="\(Route.collectionAction(slug: collection.slug, .edit).path)">\(CSRF.hiddenField(viewer.csrf))
            \(fields(title: collection.title, description: collection.description, isPrivate: collection.isPrivate))
            <label>Theme <select name="theme">\(HTML(joining: themes))</select></label>
            <button>Save</button></form>
            <form class="stack" method="post" action="\(Route.collectionAction(slug: collection.slug, .importPapers).path)">\(CSRF.hiddenField(viewer.csrf))
            <label>Import papers: arXiv ids, arXiv links or a BibTeX file <textarea name="ids" rows="4" maxlength="200000" \
            placeholder="2410.11779, https://arxiv.org/abs/1706.03762, @misc{… eprint={2501.14249} …}"></textarea></label>
            <button>Import</button></form>
            <form method="post" action="\(Route.collectionAction(slug: collection.slug, .delete).path)">\(CSRF.hiddenField(viewer.csrf))\
            <button class="danger">Delete this collection</button></form>
            </details>
            """
    }

    /// "Add to collection" on a paper's page: the member's collections, or a new one with the paper in it.
    static func addPaper(_ paperId: String, collections: [PaperCollection], organizations: [String] = [], viewer: Viewer) -> HTML {
        let owners = ([viewer.user.username] + organizations).map { "<option value=\"\($0)\">\($0)</option>" as HTML }
        let owner: HTML = organizations.isEmpty ? "" : "<label>Owner <select name=\"namespace\">\(HTML(joining: owners))</select></label>"
        let existing: HTML =
            collections.isEmpty
            ? ""
            : """
            <form class="inline" method="post" action="\(Route.createCollection.path)">\(CSRF.hiddenField(viewer.csrf))\
            <input type="hidden" name="paper" value="\(paperId)">\
            <label>Collection <select name="collection">\(HTML(joining: collections.map { "<option value=\"\($0.slug)\">\($0.title)</option>" as HTML }))</select></label> \
            <label>Note <input name="note" maxlength="\(CollectionRules.maximumNote)" size="20"></label> <button>Add</button></form>
            """
        return """
            <details class="add-to-collection"><summary>Add to collection</summary>\(existing)
            <form class="stack" method="post" action="\(Route.createCollection.path)">\(CSRF.hiddenField(viewer.csrf))\
            <input type="hidden" name="paper" value="\(paperId)">
            \(fields(title: "", description: "", isPrivate: false))\(owner)
            <button>Create a collection with this paper</button></form></details>
            """
    }

    private static func fields(title: String, description: String, isPrivate: Bool) -> HTML {
        """
        <label>Title <input name="title" value="\(title)" required maxlength="\(CollectionRules.maximumTitle)"></label>
        <label>Description <input name="description" value="\(description)" maxlength="\(CollectionRules.maximumDescription)"></label>
        <label><input type="checkbox" name="private" value="1"\(isPrivate ? " checked" : "")> Private: only you (or your organization) can see it</label>
        """
    }
}
