import PapersCore
import Presentation

/// A paper page as Markdown (`/papers/{id}.md`), for agents and terminals.
enum PaperMarkdown {
    static func render(_ paper: Paper) -> String {
        var lines = ["# \(escape(paper.title))", ""]
        // One list item per fact: consecutive plain lines would run together into one paragraph.
        if !paper.authors.isEmpty {
            lines.append("- **Authors:** \(paper.authors.map(escape).joined(separator: ", "))")
        } else if paper.authorCount > 0 {
            lines.append("- **Authors:** \(paper.authorCount)")
        }
        if let day = paper.publishedAt?.day { lines.append("- **Published:** \(day)") }
        if let organization = paper.organization { lines.append("- **Organization:** \(escape(organization.fullname))") }
        lines.append("- **Upvotes:** \(paper.upvotes)")
        if let day = paper.featuredOn { lines.append("- **Featured:** \(day)") }
        if let submitter = paper.submittedBy { lines.append("- **Submitted by:** \(escape(submitter))") }
        lines.append("")
        if let page = PaperPresentation.arxivPage(paper), let pdf = PaperPresentation.pdf(paper) {
            lines.append("- arXiv: \(page)")
            lines.append("- PDF: \(pdf)")
        }
        for link in CodeLinks.links(for: paper) { lines.append("- Code: \(link)") }
        if let page = paper.projectPage, TextEncoding.isWebURL(page) { lines.append("- Project page: \(page)") }
        if let summary = paper.aiSummary { lines += ["", "## AI summary", "", escape(summary)] }
        lines += ["", "## Abstract", "", escape(paper.abstract), ""]
        return lines.joined(separator: "\n")
    }

    /// Escapes the characters that would start Markdown or HTML markup.
    static func escape(_ text: String) -> String {
        var output = ""
        for character in text {
            switch character {
                case "<": output += "&lt;"
                case ">": output += "&gt;"
                case "*", "_", "`", "[", "]", "\\": output += "\\\(character)"
                default: output.append(character)
            }
        }
        return output
    }
}
