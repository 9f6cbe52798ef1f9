import PapersCore
import Presentation

/// The plain-text part of a digest.
enum DigestText {
    static func header(_ edition: DigestEdition) -> String {
        "Daily Papers — \(edition.title)\nThe papers the research community upvoted most.\n"
    }

    static func block(_ paper: Paper, site: SiteAddress) -> String {
        var lines = [
            "• \(PaperPresentation.title(paper))", "  \(byline(paper))\(paper.upvotes) upvotes", "  \(PaperPresentation.excerpt(paper))",
            "  Read: \(site.url(.paper(id: paper.id)))",
        ]
        if let arxiv = PaperPresentation.arxivPage(paper) { lines.append("  arXiv: \(arxiv)") }
        if let code = CodeLinks.links(for: paper).first { lines.append("  Code: \(code)") }
        return lines.joined(separator: "\n") + "\n"
    }

    static func footer(_ links: DigestLinks) -> String {
        "—\nChange frequency or topics: \(links.settings)\nUnsubscribe: \(links.unsubscribe)\nDailyPapers · \(links.site)"
    }

    /// The card's byline and a separator before the upvotes, or nothing when the paper has no byline.
    static func byline(_ paper: Paper) -> String {
        PaperPresentation.byline(paper).map { "\($0) · " } ?? ""
    }
}

/// The HTML part of a digest: a single-column table layout with inline styles, no scripts and no remote fonts.
enum DigestHTML {
    static func header(_ edition: DigestEdition, subtitle: String = "the papers the research community upvoted most") -> HTML {
        """
        <!doctype html>
        <html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>\(edition.title)</title></head>
        <body style="margin:0;padding:0;background:#f9fafb">
        <table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f9fafb"><tr><td align="center" style="padding:24px 12px">
        <table role="presentation" width="600" cellpadding="0" cellspacing="0" style="max-width:600px;width:100%;background:#ffffff;border:1px solid #e5e7eb;border-radius:12px;font-family:Helvetica,Arial,sans-serif">
        <tr><td style="padding:24px 24px 8px"><div style="font-size:22px;font-weight:700;color:#111827">Daily Papers</div>
        <div style="font-size:14px;color:#6b7280">\(edition.title) — \(subtitle)</div></td></tr>
        <tr><td style="padding:0 24px"><table role="presentation" width="100%" cellpadding="0" cellspacing="0">
        """
    }

    static func block(_ paper: Paper, site: SiteAddress) -> HTML {
        let page = site.url(.paper(id: paper.id))
        var paperLinks: [HTML] = ["<a href=\"\(page)\" style=\"color:#2563eb\">Read</a>"]
        if let arxiv = PaperPresentation.arxivPage(paper) { paperLinks.append("<a href=\"\(arxiv)\" style=\"color:#2563eb\">arXiv</a>") }
        if let code = CodeLinks.links(for: paper).first { paperLinks.append("<a href=\"\(code)\" style=\"color:#2563eb\">Code</a>") }
        return """
            <tr><td style="padding:16px 0;border-bottom:1px solid #e5e7eb">
            <a href="\(page)" style="font-size:17px;font-weight:600;color:#111827;text-decoration:none">\(PaperPresentation.title(paper))</a>
            <div style="font-size:13px;color:#6b7280;margin:4px 0">\(DigestText.byline(paper))\(paper.upvotes) upvotes</div>
            <div style="font-size:14px;color:#374151;line-height:1.5">\(PaperPresentation.excerpt(paper))</div>
            <div style="font-size:13px;margin-top:6px">\(HTML(joining: paperLinks, separator: " · "))</div>
            </td></tr>
            """
    }

    static func footer(_ links: DigestLinks) -> HTML {
        """
        </table></td></tr>
        <tr><td style="padding:16px 24px 24px;font-size:12px;color:#6b7280">
        <a href="\(links.settings)" style="color:#6b7280">Change frequency or topics</a> ·
        <a href="\(links.unsubscribe)" style="color:#6b7280">Unsubscribe</a> ·
        <a href="\(links.site)" style="color:#6b7280">DailyPapers</a>
        </td></tr></table>
        </td></tr></table>
        </body></html>
        """
    }
}
