import Testing

@testable import PapersCore

/// `TextEncoding.escapeHTML`, byte by byte: what it escapes, what it drops, and everything else left alone.
@Suite struct TextEncodingTests {
    @Test func escapesTheFiveSpecialCharacters() {
        #expect(TextEncoding.escapeHTML(#"<a href="x">Tom & Jerry's</a>"#) == "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;")
    }

    @Test func dropsWhatXMLForbidsAndKeepsLineBreaks() {
        #expect(TextEncoding.escapeHTML("a\u{1}b\u{7F}c\td\ne\rf\u{FFFE}g\u{FFFF}h") == "abc\td\ne\rfgh")
    }

    @Test func keepsOtherCharactersThatShareALeadByteWithTheDroppedOnes() {
        // U+FF01 (EF BC 81), U+FFFD (EF BF BD) and U+FEFF (EF BB BF) begin with the same byte as U+FFFE.
        let text = "！\u{FFFD}\u{FEFF}注意力 Ünïcödé 🤗"
        #expect(TextEncoding.escapeHTML(text) == text)
        #expect(TextEncoding.escapeHTML(text + "<") == text + "&lt;")
    }

    @Test func endsCleanlyOnATruncatedLeadByte() {
        #expect(TextEncoding.escapeHTML("x\u{FFFF}") == "x")
        #expect(TextEncoding.escapeHTML("&\u{FFFE}") == "&amp;")
    }
}
