import PapersCore

/// The plain-text part of a digest.
enum DigestText {
    static func header(_ edition: DigestEdition) -> String {
        "Daily Papers — \(edition.title)\nThe papers the research community upvoted most.\n"
    }

    static func block(_ paper: Paper, site: SiteAddress) -> String {
        var lines = ["• \(TeXText.plain(paper.title))", "  \(byline(paper)) · \(paper.upvotes) upvotes", "  \(Excerpt.of(TeXText.plain(paper.abstract)))", "  Read: \(site.url(.paper(id: paper.id)))"]
        if let arxivId = paper.arxivId { lines.append("  arXiv: https://arxiv.org/abs/\(arxivId)") }
        if let code = CodeLinks.links(for: paper).first { lines.append("  Code: \(code)") }
        return lines.joined(separator: "\n") + "\n"
    }

    static func footer(_ links: DigestLinks) -> String {
        "—\nChange frequency or topics: \(links.settings)\nUnsubscribe: \(links.unsubscribe)\nDailyPapers · \(links.site)"
    }

    static func byline(_ paper: Paper) -> String {
        if let organization = paper.organization { return organization.fullname }
        if paper.authors.isEmpty { return paper.authorCount > 0 ? CardFormatting.authorCount(paper.authorCount) : "" }
        let shown = paper.authors.prefix(3).joined(separator: ", ")
        return paper.authors.count > 3 ? "\(shown) et al." : shown
    }
}

/// The HTML part of a digest: a single-column table layout with inline styles, no scripts and no remote fonts.
enum DigestHTML {
    static func header(_ edition: DigestEdition) -> String {
        """
            <!doctype html>
            <html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>\(escape(edition.title))</title></head>
            <body style="margin:0;padding:0;background:#f9fafb">
            <table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f9fafb"><tr><td align="center" style="padding:24px 12px">
            <table role="presentation" width="600" cellpadding="0" cellspacing="0" style="max-width:600px;width:100%;background:#ffffff;border:1px solid #e5e7eb;border-radius:12px;font-family:Helvetica,Arial,sans-serif">
            <tr><td style="padding:24px 24px 8px"><div style="font-size:22px;font-weight:700;color:#111827">Daily Papers</div>
            <div style="font-size:14px;color:#6b7280">\(escape(edition.title)) — the papers the research community upvoted most</div></td></tr>
            <tr><td style="padding:0 24px"><table role="presentation" width="100%" cellpadding="0" cellspacing="0">
            """
    }

    static func block(_ paper: Paper, site: SiteAddress) -> String {
        var paperLinks = ["<a href=\"\(escape(site.url(.paper(id: paper.id))))\" style=\"color:#2563eb\">Read</a>"]
        if let arxivId = paper.arxivId { paperLinks.append("<a href=\"https://arxiv.org/abs/\(escape(arxivId))\" style=\"color:#2563eb\">arXiv</a>") }
        if let code = CodeLinks.links(for: paper).first { paperLinks.append("<a href=\"\(escape(code))\" style=\"color:#2563eb\">Code</a>") }
        return """
            <tr><td style="padding:16px 0;border-bottom:1px solid #e5e7eb">
            <a href="\(escape(site.url(.paper(id: paper.id))))" style="font-size:17px;font-weight:600;color:#111827;text-decoration:none">\(escape(TeXText.plain(paper.title)))</a>
            <div style="font-size:13px;color:#6b7280;margin:4px 0">\(escape(DigestText.byline(paper))) · \(paper.upvotes) upvotes</div>
            <div style="font-size:14px;color:#374151;line-height:1.5">\(escape(Excerpt.of(TeXText.plain(paper.abstract))))</div>
            <div style="font-size:13px;margin-top:6px">\(paperLinks.joined(separator: " · "))</div>
            </td></tr>
            """
    }

    static func footer(_ links: DigestLinks) -> String {
        """
            </table></td></tr>
            <tr><td style="padding:16px 24px 24px;font-size:12px;color:#6b7280">
            <a href="\(escape(links.settings))" style="color:#6b7280">Change frequency or topics</a> ·
            <a href="\(escape(links.unsubscribe))" style="color:#6b7280">Unsubscribe</a> ·
            <a href="\(escape(links.site))" style="color:#6b7280">DailyPapers</a>
            </td></tr></table>
            </td></tr></table>
            </body></html>
            """
    }

    static func escape(_ text: String) -> String {
        TextEncoding.escapeHTML(text)
    }
}
