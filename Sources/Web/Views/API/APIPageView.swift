import Presentation

/// `/api`: what the JSON API offers, for people; `/api/openapi.json` is the same for programs.
enum APIPageView {
    static let endpoints: [(method: String, path: String, what: String)] = [
        ("GET", "/api/daily_papers", "the daily papers: p, limit, date, week, month, submitter, sort"),
        ("GET", "/api/papers", "every paper, newest publication first, by cursor"),
        ("GET", "/api/papers/{id}", "one paper"),
        ("GET", "/api/papers/search", "search by words and meaning: q, mode, sort, limit, p"),
        ("GET", "/api/papers/{id}/similar", "the nearest papers by meaning"),
        ("POST / DELETE", "/api/papers/{id}/upvote", "upvote, or withdraw it (token)"),
        ("POST", "/api/papers/submit", "feature a paper today (token)"),
        ("POST", "/api/papers/index", "add a paper from arXiv (token)"),
        ("POST", "/api/papers/{id}/comment", "comment, and …/comment/{commentId}/reply to answer (token)"),
        ("GET", "/api/collections", "collections: item=papers/ID, owner, q, sort, limit, offset"),
        ("POST", "/api/collections", "create a collection: title, namespace, description, private, theme (token)"),
        ("GET / PATCH / DELETE", "/api/collections/{owner}/{slug}", "one collection; change or delete it (token)"),
        ("POST", "/api/collections/{owner}/{slug}/items", "add a paper (409 when there); PATCH / DELETE …/items/{itemId} (token)"),
        ("GET", "/api/whoami-v2", "the token's member and organizations (token)"),
        ("GET", "/api/me/for-you?limit=&p=", "the member's For you list, daily-papers items with a reason each (token)"),
        ("GET / POST / DELETE", "/api/me/follows", "what the member follows; follow or unfollow {\"kind\", \"value\"} (token)"),
        ("GET", "/api/users/{name}/overview", "a member's counts; /api/organizations/{name}/overview an organization's"),
    ]

    static func render(viewer: Viewer?) -> HTML {
        let rows = endpoints.map { "<tr><td><code>\($0.method)</code></td><td><code>\($0.path)</code></td><td>\($0.what)</td></tr>" as HTML }
        return Layout.page(
            title: "JSON API", viewer: viewer,
            content: """
                <h1>JSON API</h1>
                <p class="sub">Compatible with huggingface.co's papers API: point <code>HF_ENDPOINT</code> of <code>huggingface_hub</code> or the <code>hf</code> command line here.</p>
                <p>The whole API is described in OpenAPI 3.1 at <a href="/api/openapi.json">/api/openapi.json</a>. Writes take an API token from your settings page as <code>Authorization: Bearer dp_…</code>; reads need none.</p>
                <table><thead><tr><th>Method</th><th>Path</th><th>What</th></tr></thead><tbody>\(rows)</tbody></table>
                """)
    }
}
