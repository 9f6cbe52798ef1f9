/// The citation files a paper, a collection or a reading list can be downloaded as.
public enum CitationFormat: String, Sendable, CaseIterable {
    case bibtex = "bib"
    case ris
    case cslJSON = "csl.json"

    /// The file name's ending, after the dot: `bib`, `ris`, `csl.json`.
    public var fileExtension: String { rawValue }

    /// The media type the file is served as.
    public var contentType: String {
        switch self {
            case .bibtex: "application/x-bibtex; charset=utf-8"
            case .ris: "application/x-research-info-systems; charset=utf-8"
            case .cslJSON: "application/vnd.citationstyles.csl+json; charset=utf-8"
        }
    }

    /// The name people know the format by.
    public var label: String {
        switch self {
            case .bibtex: "BibTeX"
            case .ris: "RIS"
            case .cslJSON: "CSL-JSON"
        }
    }

    /// The format a file name ends with, and the name without that ending; nil when it ends with none of them.
    public static func split(_ name: Substring) -> (name: Substring, format: CitationFormat)? {
        for format in allCases where name.hasSuffix("." + format.fileExtension) {
            let stem = name.dropLast(format.fileExtension.count + 1)
            return stem.isEmpty ? nil : (stem, format)
        }
        return nil
    }
}
