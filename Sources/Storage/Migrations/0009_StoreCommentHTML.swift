extension Migration {
    /// Each comment's HTML, rendered once when it is written or edited, so showing a page never parses Markdown.
    /// Rows from before this migration keep NULL and are rendered when read (the renderer is linear, the bodies short).
    static let storeCommentHTML = Migration(version: 9, name: "store the rendered HTML of comments") { _ in
        ["ALTER TABLE comments ADD COLUMN body_html TEXT"]
    }
}
