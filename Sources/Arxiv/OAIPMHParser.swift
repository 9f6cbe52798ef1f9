import Foundation
import PapersCore

#if canImport(FoundationXML)
import FoundationXML
#endif

/// One page of an OAI-PMH `ListRecords` (or `GetRecord`) answer.
public struct OAIPage: Sendable, Equatable {
    /// When the repository answered: the next incremental harvest starts from this day.
    public var responseDate: Timestamp?
    public var records: [ArxivRecord] = []
    /// Records the repository reports as deleted (`<header status="deleted">`).
    public var deletedIds: [String] = []
    /// The token of the next page; nil (or empty in the document) when the list is complete.
    public var resumptionToken: String?
    public var completeListSize: Int?
    public var cursor: Int?
}

/// A protocol error OAI-PMH answers in a normal document (`<error code="…">`).
public struct OAIError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The codes of the OAI-PMH 2.0 specification.
    public enum Code: String, Sendable {
        case badArgument, badResumptionToken, badVerb, cannotDisseminateFormat, idDoesNotExist, noRecordsMatch, noSetHierarchy
        case noMetadataFormats
    }

    public let code: String
    public let message: String

    public var known: Code? { Code(rawValue: code) }
    public var description: String { "arXiv's OAI-PMH answered \(code): \(message.collapsingWhitespace())" }
}

/// Reads OAI-PMH answers in the `arXivRaw` and `arXiv` formats with a SAX parser: one pass, only the current
/// record's text held, so a page costs memory in proportion to its own records and nothing more.
public enum OAIPMHParser {
    /// The page in `data`; throws `OAIError` for a protocol error and `ArxivError.malformed` for anything unreadable
    /// (not XML, not OAI-PMH, or cut off before `</OAI-PMH>`).
    public static func page(from data: Data) throws -> OAIPage {
        let delegate = OAIDelegate()
        let complaint = SAXReading.complaint(reading: data, with: delegate)
        if let error = delegate.error { throw error }
        guard complaint == nil, delegate.sawRoot, delegate.finished else {
            let reason = complaint ?? (delegate.sawRoot ? "the answer ends before </OAI-PMH> (cut off?)" : "no <OAI-PMH> element")
            throw ArxivError.malformed("arXiv's OAI-PMH answer cannot be read: \(reason).")
        }
        return delegate.page
    }
}

/// The SAX delegate: a small state machine over the elements a record needs.
final class OAIDelegate: NSObject, XMLParserDelegate {
    static let oai = "http://www.openarchives.org/OAI/2.0/"

    private(set) var page = OAIPage()
    private(set) var error: OAIError?
    private(set) var sawRoot = false
    private(set) var finished = false
    private var record: ArxivRecord?
    private var deleted = false
    private var identifier = ""
    private var datestamp = ""
    private var text = ""
    private var errorCode: String?
    private var keyname = ""
    private var forenames = ""
    private var inAuthor = false

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:])
    {
        text = ""
        switch name {
            case "OAI-PMH" where namespaceURI == Self.oai: sawRoot = true
            case "header" where namespaceURI == Self.oai:
                deleted = attributes["status"] == "deleted"
                identifier = ""
                datestamp = ""
            case "error" where namespaceURI == Self.oai: errorCode = attributes["code"] ?? "unknown"
            case "resumptionToken" where namespaceURI == Self.oai:
                page.completeListSize = attributes["completeListSize"].flatMap { Int($0) }
                page.cursor = attributes["cursor"].flatMap { Int($0) }
            case "arXivRaw", "arXiv": record = ArxivRecord(id: "", datestamp: datestamp)
            case "author" where record != nil:
                inAuthor = true
                keyname = ""
                forenames = ""
            default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        text += string
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        defer { text = "" }
        if namespaceURI == Self.oai {
            endProtocolElement(name)
        } else if record != nil {
            endRecordElement(name)
        }
    }

    private func endProtocolElement(_ name: String) {
        switch name {
            case "OAI-PMH": finished = true
            case "responseDate": page.responseDate = Timestamp(iso: text.trimmingWhitespace())
            case "identifier": identifier = text.trimmingWhitespace()
            case "datestamp": datestamp = text.trimmingWhitespace()
            case "header" where deleted: page.deletedIds.append(Self.arxivId(fromIdentifier: identifier))
            case "resumptionToken":
                let token = text.trimmingWhitespace()
                page.resumptionToken = token.isEmpty ? nil : token
            case "error": error = OAIError(code: errorCode ?? "unknown", message: text)
            default: break
        }
    }

    private func endRecordElement(_ name: String) {
        let value = text
        switch name {
            case "arXivRaw", "arXiv":
                if var finished = record {
                    if finished.id.isEmpty { finished.id = Self.arxivId(fromIdentifier: identifier) }
                    finished.datestamp = datestamp
                    page.records.append(finished)
                }
                record = nil
            case "id": record?.id = value.trimmingWhitespace()
            case "title": record?.title = value
            case "abstract": record?.abstract = value
            case "authors" where !inAuthor && record?.authors.isEmpty == true && !value.trimmingWhitespace().isEmpty:
                record?.authors = ArxivRecord.splitAuthors(value)
            case "keyname": keyname = value.trimmingWhitespace()
            case "forenames": forenames = value.trimmingWhitespace()
            case "author":
                inAuthor = false
                let full = [forenames, keyname].filter { !$0.isEmpty }.joined(separator: " ")
                if !full.isEmpty { record?.authors.append(full) }
            case "categories": record?.categories = value.split(separator: " ").map(String.init)
            case "comments": record?.comments = value
            case "journal-ref": record?.journalRef = value
            case "doi": record?.doi = value
            case "license": record?.license = value
            case "date": record?.versionDates.append(InternetDate.parseMail(value.collapsingWhitespace())?.instant)
            case "created": record?.created = Day(iso: value.trimmingWhitespace())
            default: break
        }
    }

    /// `oai:arXiv.org:2401.01234` → `2401.01234`.
    static func arxivId(fromIdentifier identifier: String) -> String {
        identifier.hasPrefix("oai:arXiv.org:") ? String(identifier.dropFirst("oai:arXiv.org:".count)) : identifier
    }
}
