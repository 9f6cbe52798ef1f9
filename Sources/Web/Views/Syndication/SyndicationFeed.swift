import PapersCore
import Presentation

extension FeedFormat {
    /// The media type alone, as `<link rel="alternate" type>` names it.
    var mediaType: String { "application/\(rawValue)+xml" }

    /// The `Content-Type` of a feed's answer.
    var contentType: String { mediaType + "; charset=utf-8" }
}

/// A feed of papers, written as RSS 2.0 or Atom 1.0 from the same data.
struct SyndicationFeed {
    let title: String
    let description: String
    /// The HTML page the feed mirrors, absolute.
    let pageURL: String
    /// The feed's own address, absolute.
    let feedURL: String
    /// A stable id for the feed, independent of the host it is served from.
    let id: String
    let papers: [Paper]
    let site: SiteAddress

    /// When the newest item entered the feed (or the epoch for an empty feed).
    var updated: Timestamp {
        papers.compactMap(Trending.featuredTime(of:)).max() ?? Timestamp(millisecondsSinceEpoch: 0)
    }

    func render(_ format: FeedFormat) -> String {
        switch format {
            case .atom: return atom().rendered
            case .rss: return rss().rendered
        }
    }

    /// A GUID that never changes for a paper, whichever host or feed lists it.
    static func guid(for paper: Paper) -> String {
        "tag:dailypapers,2025:paper/\(paper.id)"
    }

    private func atom() -> HTML {
        let entries = papers.map { paper -> HTML in
            let link = site.url(.paper(id: paper.id))
            let published = paper.publishedAt ?? Trending.featuredTime(of: paper) ?? updated
            return """
                <entry>
                <id>\(Self.guid(for: paper))</id>
                <title>\(TeXText.plain(paper.title))</title>
                <link rel="alternate" type="text/html" href="\(link)"/>
                <published>\(published.description)</published>
                <updated>\(Trending.featuredTime(of: paper)?.description ?? published.description)</updated>
                \(HTML(joining: authorNames(paper).map { "<author><name>\($0)</name></author>" }))
                \(paper.organization.map { "<category term=\"\($0.name)\" label=\"\($0.fullname)\"/>" as HTML })
                <summary>\(TeXText.plain(paper.abstract))</summary>
                <content type="html">\(ItemHTML.content(paper, link: link).rendered)</content>
                </entry>
                """
        }
        return """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom">
            <id>\(id)</id>
            <title>\(title)</title>
            <subtitle>\(description)</subtitle>
            <link rel="self" type="application/atom+xml" href="\(feedURL)"/>
            <link rel="alternate" type="text/html" href="\(pageURL)"/>
            <updated>\(updated.description)</updated>
            <author><name>DailyPapers</name><uri>\(site.url(.home))</uri></author>
            <generator>DailyPapers</generator>
            \(entries)
            </feed>

            """
    }

    private func rss() -> HTML {
        let items = papers.map { paper -> HTML in
            let link = site.url(.paper(id: paper.id))
            let date = Trending.featuredTime(of: paper) ?? paper.publishedAt ?? updated
            return """
                <item>
                <title>\(TeXText.plain(paper.title))</title>
                <link>\(link)</link>
                <guid isPermaLink="false">\(Self.guid(for: paper))</guid>
                <pubDate>\(InternetDate.http(date))</pubDate>
                \(paper.organization.map { "<category>\($0.fullname)</category>" as HTML })
                <description>\(ItemHTML.content(paper, link: link).rendered)</description>
                </item>
                """
        }
        return """
            <?xml version="1.0" encoding="utf-8"?>
            <rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
            <channel>
            <title>\(title)</title>
            <link>\(pageURL)</link>
            <description>\(description)</description>
            <atom:link href="\(feedURL)" rel="self" type="application/rss+xml"/>
            <lastBuildDate>\(InternetDate.http(updated))</lastBuildDate>
            <generator>DailyPapers</generator>
            \(items)
            </channel>
            </rss>

            """
    }

    private func authorNames(_ paper: Paper) -> [String] {
        if !paper.authors.isEmpty { return paper.authors }
        return paper.organization.map { [$0.fullname] } ?? []
    }
}

/// The HTML body of a feed item: byline, upvotes, abstract and links.
enum ItemHTML {
    static func content(_ paper: Paper, link: String) -> HTML {
        var links: [HTML] = ["<a href=\"\(link)\">DailyPapers</a>"]
        if let arxiv = PaperPresentation.arxivPage(paper) { links.append("<a href=\"\(arxiv)\">arXiv</a>") }
        for code in CodeLinks.links(for: paper) { links.append("<a href=\"\(code)\">Code</a>") }
        let byline = PaperPresentation.byline(paper) ?? ""
        return """
            <p>\(byline) · \(paper.upvotes) upvotes</p><p>\(TeXText.plain(paper.abstract))</p><p>\(HTML(joining: links, separator: " · "))</p>
            """
    }
}
