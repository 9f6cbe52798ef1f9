import PapersCore
import Presentation
import Search

/// The search page: the form (words, dates, organization, order, mode), result cards with the searched words
/// marked, the pager, and links to the search's RSS and Atom feeds.
enum SearchPageView {
    static func render(
        parameters: SearchParameters, results: SearchResults?, pageSize: Int, missingArxivId: String?,
        semanticNotice: String?, currentYear: Int, viewer: Viewer?, followTopic: HTML? = nil
    ) -> HTML {
        let query = parameters.queryString()
        let feeds = parameters.isEmpty ? [] : Layout.Alternate.both("Search “\(parameters.text)”", query: query, Route.searchFeed)
        let content: HTML = """
            <h1>Search papers</h1>
            \(form(parameters))
            \(followTopic.map { "<p class=\"follow-line\">Follow “\(parameters.text)” as a topic: \($0)</p>" as HTML })
            \(semanticNotice.map { "<p class=\"notice-muted\">\($0)</p>" as HTML })
            \(missingArxivId.map { notOnSite($0) })
            \(results.map { resultsSection($0, parameters: parameters, pageSize: pageSize, currentYear: currentYear, feeds: feeds, viewer: viewer) } ?? help)
            <script src="\(Assets.typeahead.path)" defer></script>
            """
        let title = parameters.text.isEmpty ? "Search" : "\(parameters.text) · Search"
        return Layout.page(title: title, alternates: feeds, viewer: viewer, content: content)
    }

    private static func form(_ parameters: SearchParameters) -> HTML {
        """
        <form class="search" method="get" action="\(Route.search.path)" role="search">
        <div class="searchbar"><input type="search" name="q" value="\(parameters.text)" maxlength="\(SearchParameters.maximumQueryLength)" placeholder="Words, a question, an arXiv id or URL" aria-label="Search" list="search-suggestions">
        <datalist id="search-suggestions"></datalist>
        <button>Search</button></div>
        <details class="filter-panel"\(hasFilters(parameters) ? " open" : "")><summary>Dates, organization, order</summary>
        <div class="filters">
        <label>From <input type="date" name="after" value="\(parameters.after?.description ?? "")"></label>
        <label>Until <input type="date" name="before" value="\(parameters.before?.description ?? "")"></label>
        <label>Organization <input name="org" value="\(parameters.organization)" placeholder="nvidia" size="10"></label>
        <label>Sort \(select("sort", SearchSort.allCases.map(\.rawValue), selected: parameters.sort.rawValue))</label>
        <label>Match \(select("mode", SearchMode.allCases.map(\.rawValue), selected: parameters.mode.rawValue))</label>
        </div></details>
        </form>
        """
    }

    private static func select(_ name: String, _ values: [String], selected: String) -> HTML {
        let options = values.map { value in
            "<option value=\"\(value)\"\(value == selected ? HTML(unescaped: " selected") : "")>\(label(value))</option>" as HTML
        }
        return "<select name=\"\(name)\">\(HTML(joining: options))</select>"
    }

    private static func label(_ value: String) -> String {
        switch value {
            case "hybrid": "words and meaning"
            case "keyword": "words only"
            case "semantic": "meaning only"
            default: value.prefix(1).uppercased() + value.dropFirst()
        }
    }

    private static func notOnSite(_ arxivId: String) -> HTML {
        "<p class=\"notice-muted\">arXiv \(arxivId) is not on DailyPapers yet. <a href=\"\(Route.submitForm.path)?id=\(TextEncoding.percentEncode(arxivId))\">Submit it</a> to add it.</p>"
    }

    /// Says how a long query was read, so a visitor who pasted an abstract knows what was searched.
    static func shortened(_ shortening: QueryShortening) -> HTML {
        var parts: [String] = []
        if shortening.wordsRanked < shortening.wordsTyped {
            parts.append("words matched by its \(shortening.wordsRanked) most informative of \(shortening.wordsTyped)")
        }
        if !shortening.meaningReadWhole { parts.append("meaning read from its first 256 tokens (about 190 words)") }
        return "<p class=\"notice-muted\" role=\"status\">Your query is long: \(parts.joined(separator: "; ")).</p>"
    }

    private static func resultsSection(
        _ results: SearchResults, parameters: SearchParameters, pageSize: Int, currentYear: Int, feeds: [Layout.Alternate], viewer: Viewer?
    ) -> HTML {
        let highlighter = Highlighter(words: results.query.highlightedWords)
        let first = parameters.page * pageSize
        let count: HTML =
            "\(results.total >= PaperSearch.candidates ? "Top \(results.total)" : "\(results.total)") result\(results.total == 1 ? "" : "s")"
        let summary: HTML =
            results.total == 0
            ? "No paper matches. Try fewer words, another spelling, or search by meaning."
            : results.papers.isEmpty
                ? "\(count) · page \(parameters.page + 1) is past the last one: <a href=\"\(Route.search.path)?\(parameters.queryString(page: 0))\">back to the first page</a>"
                : "\(count) · \(first + 1)–\(first + results.papers.count)"
        let feedLinks = HTML(
            joining: feeds.map { "<a href=\"\($0.path)\">\($0.type.contains("atom") ? "Atom" : "RSS")</a>" as HTML }, separator: " · ")
        let cards = results.papers.map { card($0.paper, result: $0.result, highlighter: highlighter, currentYear: currentYear, viewer: viewer) }
        return """
            <p class="sub">\(summary) · \(feedLinks)</p>
            \(results.shortening.map(shortened))
            \(results.incompleteMeaning.map { incomplete($0, mode: parameters.mode) })
            \(cards.isEmpty ? "" : "<ol class=\"cards\">\(HTML(joining: cards))</ol>" as HTML)
            \(pager(parameters, total: results.total, pageSize: pageSize))
            """
    }

    private static func card(_ paper: Paper, result: HybridRanker.Ranked, highlighter: Highlighter, currentYear: Int, viewer: Viewer?) -> HTML {
        let similarity: HTML =
            result.similarity.map { " · <span title=\"cosine similarity to your query\">\(Int(($0 * 100).rounded()))% similar</span>" } ?? ""
        return """
            <li class="card" id="\(PaperCardView.anchor(paper.id))">
            <div class="votes">\(VoteButton.render(paper, viewer: viewer))</div>
            <div>
            <h2><a href="\(Route.paper(id: paper.id).path)">\(highlighter.highlight(TeXText.plain(paper.title)))</a></h2>
            <p class="snippet">\(highlighter.snippet(TeXText.plain(paper.abstract)))</p>
            <div class="meta">\(PaperCardView.meta(paper, currentYear: currentYear))\(similarity)</div>
            </div>
            </li>
            """
    }

    /// The filters panel starts open when the search uses one of them.
    private static func hasFilters(_ parameters: SearchParameters) -> Bool {
        parameters.after != nil || parameters.before != nil || !parameters.organization.isEmpty
            || parameters.sort != .relevance || parameters.mode != .hybrid
    }

    /// While the embedder is still reading the papers: how far it is, and what the ranking did about it.
    private static func incomplete(_ coverage: IndexCoverage, mode: SearchMode) -> HTML {
        let done = "Search by meaning has read \(coverage.embedded) of \(coverage.total) papers so far"
        let effect =
            mode == .semantic
            ? "these results come from those papers only."
            : "until it has read them all, results rank by words."
        return "<p class=\"notice-muted\" role=\"status\">\(done): \(effect)</p>"
    }

    private static func pager(_ parameters: SearchParameters, total: Int, pageSize: Int) -> HTML {
        let previous: HTML =
            parameters.page > 0
            ? "<a rel=\"prev\" href=\"\(Route.search.path)?\(parameters.queryString(page: parameters.page - 1))\">← Previous</a>" : "<span></span>"
        let next: HTML =
            (parameters.page + 1) * pageSize < total
            ? "<a rel=\"next\" href=\"\(Route.search.path)?\(parameters.queryString(page: parameters.page + 1))\">Next →</a>" : ""
        return "<nav class=\"pager\" aria-label=\"Pages\">\(previous)\(next)</nav>"
    }

    private static let help: HTML = """
        <div class="help">
        <p>Search titles, abstracts, authors and organizations by words and by meaning. A question in plain words works.</p>
        <ul>
        <li><code>"exact phrase"</code> — these words, in this order</li>
        <li><code>-word</code> — leave out papers with this word</li>
        <li><code>author:"Yann LeCun"</code>, <code>org:nvidia</code>, <code>cat:cs.CL</code></li>
        <li><code>has:code</code> — only papers with a code repository</li>
        <li><code>after:2025-01-01</code>, <code>before:2025-07-01</code>, <code>year:2024</code></li>
        <li>Paste an arXiv id or an arXiv or Hugging Face paper URL to open the paper.</li>
        </ul>
        </div>
        """
}
