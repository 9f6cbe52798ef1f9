import Foundation

#if canImport(FoundationXML)
import FoundationXML
#endif

/// One namespace-aware SAX pass over a document, shared by the arXiv readers: only the element being read is held.
enum SAXReading {
    /// Runs `delegate` over `data`: nil when the XML was read to its end, else the parser's complaint with its line.
    static func complaint(reading data: Data, with delegate: some XMLParserDelegate) -> String? {
        let parser = XMLParser(data: data)
        parser.shouldProcessNamespaces = true
        parser.delegate = delegate
        guard !parser.parse() else { return nil }
        return "\(parser.parserError?.localizedDescription ?? "the XML parser stopped") at line \(parser.lineNumber)"
    }
}
