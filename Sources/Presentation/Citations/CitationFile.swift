import Foundation
import PapersCore

/// A citation file written piece by piece — its opening, each entry, its closing — so a list of ten thousand papers
/// can be streamed a chunk at a time instead of built whole.
public enum CitationFile {
    public static func opening(_ format: CitationFormat) -> String {
        format == .cslJSON ? "[\n" : ""
    }

    /// One entry; `first` tells CSL-JSON whether a comma goes before it.
    public static func entry(_ citation: Citation, _ format: CitationFormat, first: Bool) -> String {
        switch format {
            case .bibtex: return BibTeX.entry(citation)
            case .ris: return RIS.record(citation)
            case .cslJSON: return (first ? "" : ",\n") + CSLJSON.encoded(citation)
        }
    }

    public static func closing(_ format: CitationFormat) -> String {
        format == .cslJSON ? "\n]\n" : ""
    }

    /// A whole file of a few citations.
    public static func whole(_ citations: [Citation], _ format: CitationFormat) -> String {
        opening(format) + citations.enumerated().map { entry($0.element, format, first: $0.offset == 0) }.joined() + closing(format)
    }
}
