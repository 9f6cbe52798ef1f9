import PapersCore
import Testing

@Suite("Comment Markdown")
struct CommentMarkdownTests {
    @Test func rendersTheSubsetAndEscapesEverythingElse() {
        #expect(
            CommentMarkdown.render("**bold** and *it* and _it_ and `a<b`")
                == "<p><strong>bold</strong> and <em>it</em> and <em>it</em> and <code>a&lt;b</code></p>")
        #expect(
            CommentMarkdown.render("see [the paper](https://arxiv.org/abs/1) now")
                == #"<p>see <a href="https://arxiv.org/abs/1" rel="nofollow ugc">the paper</a> now</p>"#)
        #expect(
            CommentMarkdown.render("at https://example.org/x.")
                == #"<p>at <a href="https://example.org/x" rel="nofollow ugc">https://example.org/x</a>.</p>"#)
        #expect(CommentMarkdown.render("one\ntwo\n\nthree") == "<p>one<br>two</p><p>three</p>")
        #expect(CommentMarkdown.render("<script>alert(1)</script>") == "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>")
        #expect(CommentMarkdown.render("[x](javascript:alert(1))") == "<p>[x](javascript:alert(1))</p>")
        #expect(CommentMarkdown.render(#"[x](https://a.example/"onmouseover=")"#).contains("&quot;onmouseover=&quot;"))
        #expect(
            CommentMarkdown.render("**[a](https://a.example)**") == #"<p><strong><a href="https://a.example" rel="nofollow ugc">a</a></strong></p>"#)
        #expect(CommentMarkdown.render("** no") == "<p>** no</p>")
    }

    /// The old renderer scanned to the end of the line from every `h`, `[`, `*` and backtick: a 5,000-character
    /// comment of `h` took seconds and stalled the server. Every adversarial 20 KB line now costs a bounded number of
    /// steps per character, the same bound as plain prose.
    @Test(arguments: ["h", "[", "*", "_", "`", "**", "[a](", "](", "[https://", "http://", "*a", "h[*_`"])
    func adversarialCommentsRenderInLinearTime(_ unit: String) {
        let text = String(String(repeating: unit, count: 20_000 / unit.count).prefix(20_000))
        var cost = 0
        let html = CommentMarkdown.render(text, cost: &cost)
        #expect(cost <= 12 * text.count, "\(cost) steps for \(text.count) characters")
        #expect(html.count >= text.count)
        var small = 0
        _ = CommentMarkdown.render(String(text.prefix(2_000)), cost: &small)
        #expect(cost <= 11 * small, "ten times the text costs at most about ten times the steps (\(small) → \(cost))")
    }

    /// Abstracts: addresses become links, and nothing else is markup (their `*` and `_` are the authors').
    @Test func addressesOnlyLeavesEveryOtherMarkerAlone() {
        let html = CommentMarkdown.linkingAddresses("A *bold* claim on snake_case_names <b>: see https://github.com/a/b, or http://x.")
        #expect(
            html
                == #"A *bold* claim on snake_case_names &lt;b&gt;: see <a href="https://github.com/a/b" rel="nofollow ugc">https://github.com/a/b</a>, or http://x."#
        )
    }
}
