import PapersCore
import Presentation

/// What a paper's page shows, worked out from the paper: its dates, links and facts as text and addresses, so the
/// view only lays them out (and a test can read them without parsing HTML).
struct PaperPageModel {
    /// A labelled link of the page's link list.
    struct Link: Equatable {
        let label: String
        let url: String
        /// Links out of the site (code, project pages) are `rel="nofollow"`.
        let external: Bool
    }

    /// One row of the facts list: a label, its value and, when the value leads somewhere, where.
    struct Fact: Equatable {
        let label: String
        let value: String
        var href: String?
        /// A name someone chose (an organization's), shown isolated: a right-to-left override in it cannot turn the
        /// text around it.
        var isName = false
    }

    let paper: Paper
    /// The paper's comments, or nil when the server runs without the community tables.
    let comments: [Comment]?
    /// The nearest papers by meaning, with their cosine similarity.
    let similar: [(paper: Paper, similarity: Float)]
    let currentYear: Int
    let now: Timestamp
    let viewer: Viewer?
    /// The site's public address, for the citation of a paper that is not on arXiv.
    var siteURL = ""
    /// Collections holding the paper that the viewer may see.
    var collections: [PaperCollection] = []
    /// The viewer's own collections, for "Add to collection".
    var ownCollections: [PaperCollection] = []
    /// The organizations the viewer belongs to: a new collection may be theirs.
    var organizations: [String] = []

    /// How the "Cite" box cites the paper.
    var citation: Citation { Citation(paper, siteURL: siteURL) }

    /// The publication day and how the page writes it ("Nov 3, 2025").
    var published: (day: Day, text: String)? {
        paper.publishedAt.map { ($0.day, CardFormatting.fullDate($0.day)) }
    }

    var links: [Link] {
        var links: [Link] = []
        if let page = PaperPresentation.arxivPage(paper), let pdf = PaperPresentation.pdf(paper) {
            links.append(Link(label: "arXiv page", url: page, external: false))
            links.append(Link(label: "PDF", url: pdf, external: false))
        }
        for link in CodeLinks.links(for: paper) {
            let stars = paper.githubRepo == link ? paper.githubStars.map { " ★ \($0)" } ?? "" : ""
            links.append(Link(label: "Code" + stars, url: link, external: true))
        }
        if let page = paper.projectPage, TextEncoding.isWebURL(page) { links.append(Link(label: "Project page", url: page, external: true)) }
        return links
    }

    var facts: [Fact] {
        var facts: [Fact] = []
        if let organization = paper.organization {
            facts.append(Fact(label: "Organization", value: organization.fullname, href: Route.organization(organization.name).path, isName: true))
        }
        if let day = paper.featuredOn { facts.append(Fact(label: "Featured", value: CardFormatting.fullDate(day), href: Route.day(day).path)) }
        if let submitter = paper.submittedBy {
            let value = paper.submittedHere ? submitter : "\(submitter) (on Hugging Face)"
            facts.append(Fact(label: "Submitted by", value: value, href: Route.user(submitter).path))
        }
        if let primary = paper.primaryCategory {
            facts.append(Fact(label: "Primary category", value: primary, href: Route.category(primary).path))
            if paper.categories.count > 1 { facts.append(Fact(label: "Also in", value: paper.categories.dropFirst().joined(separator: ", "))) }
        }
        if let announcement = paper.announcement {
            let kind = announcement.kind == .cross ? "cross-listed" : "new"
            facts.append(
                Fact(
                    label: "Announced on arXiv", value: "\(CardFormatting.fullDate(announcement.day)) (\(kind))",
                    href: Route.newPapers.path + "?date=\(announcement.day)"))
        }
        if let license = paper.license {
            facts.append(Fact(label: "Licence", value: Self.licenceName(license), href: TextEncoding.isWebURL(license) ? license : nil))
        }
        if let versions = paper.versions {
            let latest = versions.latestAt.map { ", latest \(CardFormatting.fullDate($0.day))" } ?? ""
            facts.append(Fact(label: "Versions", value: "v\(versions.count)\(latest)\(versions.withdrawn ? " — withdrawn by its authors" : "")"))
        }
        if !paper.aiKeywords.isEmpty { facts.append(Fact(label: "Keywords", value: paper.aiKeywords.joined(separator: ", "))) }
        if let journal = paper.journalRef { facts.append(Fact(label: "Journal", value: journal)) }
        if let doi = paper.doi { facts.append(Fact(label: "DOI", value: doi, href: "https://doi.org/\(doi)")) }
        if let comments = paper.arxivComments { facts.append(Fact(label: "Comments (arXiv)", value: comments)) }
        return facts
    }

    /// "12 upvotes — 10 on Hugging Face, 2 here": the upvote count split by where it was given.
    var upvoteSplit: (total: Int, hub: Int, here: Int) {
        (paper.upvotes, paper.sourceCounts.upvotes, paper.community.upvotes)
    }

    /// How many author names a page shows before "+N more".
    static let shownAuthors = 12

    /// Each author with the address of their page; when only a count is known, the count as text.
    var authors: (names: [(name: String, href: String)], count: String?) {
        if !paper.authors.isEmpty { return (paper.authors.map { ($0, Route.author($0).path) }, nil) }
        return ([], paper.authorCount > 0 ? CardFormatting.authorCount(paper.authorCount) : nil)
    }

    /// "87% similar" for each similar paper.
    static func similarity(_ value: Float) -> String {
        "\(Int((value * 100).rounded()))% similar"
    }

    /// "CC BY 4.0" for `http://creativecommons.org/licenses/by/4.0/`, arXiv's own licence by name, else the address.
    static func licenceName(_ url: String) -> String {
        let parts = url.split(separator: "/").map(String.init)
        if url.contains("creativecommons.org/publicdomain/zero") { return "CC0 1.0" }
        if let index = parts.firstIndex(of: "licenses"), index + 2 < parts.count, url.contains("creativecommons.org") {
            return "CC \(parts[index + 1].uppercased()) \(parts[index + 2])"
        }
        if url.contains("arxiv.org/licenses/nonexclusive-distrib") { return "arXiv non-exclusive licence to distribute" }
        return url
    }
}
