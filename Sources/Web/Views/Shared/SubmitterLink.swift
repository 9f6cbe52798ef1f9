import PapersCore
import Presentation

/// Who submitted a paper, linked to their page here: a member's profile, or for a Hugging Face user an import
/// named, the page of what they submitted (titled so that a reader knows the name is Hugging Face's).
enum SubmitterLink {
    static func render(_ paper: Paper) -> HTML {
        guard let name = paper.submittedBy else { return "" }
        let title: HTML = paper.submittedHere ? "" : " title=\"\(name) on Hugging Face\""
        return "<a href=\"\(Route.user(name).path)\"\(title)>\(name)</a>"
    }
}

/// Addresses on huggingface.co for what an import brought from there.
enum HubLinks {
    /// "4 comments on HF", linked to the paper's discussion there when it is an arXiv paper.
    static func comments(_ paper: Paper, count: Int) -> HTML {
        let text = CardFormatting.comments(count) + " on HF"
        guard let arxivId = paper.arxivId else { return "<span>\(text)</span>" }
        return
            "<a href=\"https://huggingface.co/papers/\(TextEncoding.percentEncode(arxivId, allowing: "/"))#community\" rel=\"nofollow\" title=\"Comments on Hugging Face\">\(text)</a>"
    }
}
