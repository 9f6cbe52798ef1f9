import Foundation
import PapersCore

#if canImport(FoundationXML)
import FoundationXML
#endif

/// The SAX delegate of `ListingParser`: RSS `<item>`s and Atom `<entry>`s, with arXiv's and Dublin Core's elements.
final class ListingDelegate: NSObject, XMLParserDelegate {
    static let atom = "http://www.w3.org/2005/Atom"
    static let arxiv = "http://arxiv.org/schemas/atom"
    static let dublinCore = "http://purl.org/dc/elements/1.1/"

    private(set) var items: [ListingItem] = []
    private(set) var channelDay: Day?
    private(set) var sawRoot = false
    private(set) var finished = false
    private var item: Partial?
    private var text = ""

    /// An item as read so far.
    struct Partial {
        var guid = ""
        var title = ""
        var description = ""
        var creators = ""
        var categories: [String] = []
        var announceType: String?
        var rights: String?
        var doi: String?
        var journalRef: String?
        var day: Day?

        var item: ListingItem? {
            let described = ListingParser.splitDescription(description)
            guard let (id, version) = ListingParser.versioned(guid) ?? described.map({ ($0.id, $0.version) }),
                let kind = announceType.flatMap(Announcement.Kind.init(rawValue:)) ?? described?.kind
            else { return nil }
            return ListingItem(
                id: id, version: version, kind: kind, title: title.collapsingWhitespace(),
                abstract: described?.abstract ?? description.collapsingWhitespace(), authors: ArxivRecord.splitAuthors(creators),
                categories: categories, license: rights?.trimmingWhitespace(), doi: doi?.trimmingWhitespace(),
                journalRef: journalRef?.collapsingWhitespace(), day: day
            )
        }
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:])
    {
        text = ""
        switch (namespaceURI ?? "", name) {
            case ("", "rss"), (Self.atom, "feed"): sawRoot = true
            case ("", "item"), (Self.atom, "entry"): item = Partial()
            case (Self.atom, "category"): if let term = attributes["term"] { item?.categories.append(term) }
            default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        text += string
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        defer { text = "" }
        let value = text
        switch (namespaceURI ?? "", name) {
            case ("", "rss"), (Self.atom, "feed"): finished = true
            case ("", "item"), (Self.atom, "entry"):
                if let complete = item?.item { items.append(complete) }
                item = nil
            case ("", "pubDate") where item == nil: channelDay = InternetDate.parseMail(value.collapsingWhitespace())?.localDay
            case ("", "pubDate"): item?.day = InternetDate.parseMail(value.collapsingWhitespace())?.localDay
            case (Self.atom, "published"): item?.day = Day(iso: value.trimmingWhitespace().prefix(10))
            case ("", "guid"), (Self.atom, "id"): item?.guid = value.trimmingWhitespace()
            case ("", "title"), (Self.atom, "title"): item?.title = value
            case ("", "description"), (Self.atom, "summary"): item?.description = value
            case ("", "category"): item?.categories.append(value.trimmingWhitespace())
            case (Self.dublinCore, "creator"): item?.creators = value
            case (Self.dublinCore, "rights"): item?.rights = value
            case (Self.arxiv, "announce_type"): item?.announceType = value.trimmingWhitespace()
            case (Self.arxiv, "DOI"): item?.doi = value
            case (Self.arxiv, "journal_reference"): item?.journalRef = value
            default: break
        }
    }
}
