import Foundation
import PapersCore

/// One item of arXiv's announcement listing (`rss.arxiv.org/rss/…` or `/atom/…`).
public struct ListingItem: Sendable, Equatable {
    public var id: String
    public var version: Int
    public var kind: Announcement.Kind
    public var title: String
    public var abstract: String
    public var authors: [String]
    /// Primary first, as the listing gives them.
    public var categories: [String]
    public var license: String?
    public var doi: String?
    public var journalRef: String?
    /// The item's own announcement date (a replacement's is the day of the new version).
    public var day: Day?

    /// What the item says about the paper. A new or cross-listed paper brings its metadata and its announcement; a
    /// replacement only its new version count and metadata, so the first announcement stays the paper's.
    public func update(listingDay: Day) -> PaperUpdate {
        let day = self.day ?? listingDay
        var paper = Paper(id: id, arxivId: id, title: title, abstract: abstract, authors: authors, categories: categories)
        paper.license = license
        paper.doi = doi
        paper.journalRef = journalRef
        var fields: Set<PaperField> = [.arxivId, .title, .abstract, .authors, .authorCount, .categories, .license]
        if doi != nil { fields.insert(.doi) }
        if journalRef != nil { fields.insert(.journalRef) }
        if kind.isFirstAnnouncement {
            paper.announcement = Announcement(day: day, kind: kind)
            fields.insert(.announcement)
            if version == 1 {
                // Listed the evening before its mailing day: the paper's publication on arXiv.
                paper.publishedAt = Timestamp(day: day)
                fields.insert(.publishedAt)
            }
        } else {
            paper.versions = ArxivVersions(count: version, latestAt: Timestamp(day: day))
            fields.insert(.versions)
        }
        return PaperUpdate(paper: paper, fields: fields)
    }
}

/// A whole listing: its announcement date and items.
public struct Listing: Sendable, Equatable {
    /// The channel's `pubDate` (RSS) or the entries' `published` day (Atom): the mailing the items belong to.
    public var day: Day?
    public var items: [ListingItem]
}

/// Reads arXiv's announcement listings, in RSS 2.0 or Atom, as arXiv's specification describes them
/// (help/rss_specifications, help/atom_specifications).
public enum ListingParser {
    public static func listing(from data: Data) throws -> Listing {
        let delegate = ListingDelegate()
        let complaint = SAXReading.complaint(reading: data, with: delegate)
        guard complaint == nil, delegate.finished else {
            let reason = complaint ?? (delegate.sawRoot ? "the listing ends before it closes (cut off?)" : "neither an RSS nor an Atom document")
            throw ArxivError.malformed("arXiv's listing cannot be read: \(reason).")
        }
        let day = delegate.channelDay ?? delegate.items.compactMap(\.day).max()
        return Listing(day: day, items: delegate.items)
    }

    /// `arXiv:2401.01234v2 Announce Type: replace …` → id, version and type; the abstract follows "Abstract:".
    static func splitDescription(_ text: String) -> (id: String, version: Int, kind: Announcement.Kind?, abstract: String)? {
        let collapsed = text.collapsingWhitespace()
        guard collapsed.hasPrefix("arXiv:"), let space = collapsed.firstIndex(of: " ") else { return nil }
        let identifier = collapsed[collapsed.index(collapsed.startIndex, offsetBy: 6)..<space]
        guard let (id, version) = versioned(String(identifier)) else { return nil }
        var rest = collapsed[space...].drop(while: { $0 == " " })
        var kind: Announcement.Kind?
        if rest.hasPrefix("Announce Type:") {
            rest = rest.dropFirst("Announce Type:".count).drop(while: { $0 == " " })
            let word = rest.prefix(while: { $0 != " " })
            kind = Announcement.Kind(rawValue: String(word))
            rest = rest.dropFirst(word.count).drop(while: { $0 == " " })
        }
        if rest.hasPrefix("Abstract:") { rest = rest.dropFirst("Abstract:".count) }
        return (id, version, kind, String(rest).trimmingWhitespace())
    }

    /// `2401.01234v2` (or `oai:arXiv.org:2401.01234v2`) → (`2401.01234`, 2).
    static func versioned(_ text: String) -> (String, Int)? {
        let bare = text.hasPrefix("oai:arXiv.org:") ? String(text.dropFirst("oai:arXiv.org:".count)) : text
        guard let v = bare.lastIndex(of: "v"), let version = Int(bare[bare.index(after: v)...]),
            let id = PaperIdentity.normalizedArxivId(String(bare[..<v]))
        else { return PaperIdentity.normalizedArxivId(bare).map { ($0, 1) } }
        return (id, version)
    }
}
