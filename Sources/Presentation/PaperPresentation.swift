import PapersCore

/// How a paper is shown wherever it is shown — cards, paper pages, feeds, Markdown and mail: its title and excerpt
/// as text, its byline, and its addresses on arXiv. One rule for each, in one place.
public enum PaperPresentation {
    /// The title as text (TeX read as Unicode).
    public static func title(_ paper: Paper) -> String {
        TeXText.plain(paper.title)
    }

    /// The start of the abstract as text, cut at a word: what a card and a digest show.
    public static func excerpt(_ paper: Paper, limit: Int = 320) -> String {
        CardFormatting.snippet(TeXText.plain(paper.abstract), limit: limit)
    }

    /// The organization's display name, else "• N authors"; nil when neither is known.
    public static func byline(_ paper: Paper) -> String? {
        CardFormatting.byline(for: paper)?.text
    }

    /// The paper's abstract page on arXiv.
    public static func arxivPage(_ paper: Paper) -> String? {
        paper.arxivId.map { "https://arxiv.org/abs/\($0)" }
    }

    /// The paper's PDF on arXiv.
    public static func pdf(_ paper: Paper) -> String? {
        paper.arxivId.map { "https://arxiv.org/pdf/\($0)" }
    }
}
