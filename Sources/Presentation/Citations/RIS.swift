/// RIS records (the format of EndNote, Zotero and Mendeley imports): one tag a line, authors "Family, Given".
/// Values are one line each: line breaks in titles and abstracts become spaces.
public enum RIS {
    /// One record, ending with its `ER` line.
    public static func record(_ citation: Citation) -> String {
        var lines = [("TY", citation.journalRef == nil ? "UNPB" : "JOUR"), ("ID", citation.key), ("TI", citation.title)]
        lines += citation.authors.map { ("AU", $0.given.isEmpty ? $0.family : "\($0.family), \($0.given)") }
        if let day = citation.published {
            lines.append(("PY", String(day.year)))
            lines.append(("DA", String(format: "%04d/%02d/%02d/", day.year, day.month, day.day)))
        }
        if let journal = citation.journalRef { lines.append(("JO", journal)) }
        if let doi = citation.doi { lines.append(("DO", doi)) }
        if let id = citation.arxivId {
            lines.append(("PB", "arXiv"))
            lines.append(("M1", "arXiv:\(id)" + (citation.primaryClass.map { " [\($0)]" } ?? "")))
        }
        lines.append(("UR", citation.url))
        lines.append(("AB", citation.abstract))
        let body = lines.map { "\($0.0)  - \(oneLine($0.1))\r\n" }.joined()
        return body + "ER  - \r\n\r\n"
    }

    private static func oneLine(_ text: String) -> String {
        String(text.map { $0.isNewline ? " " : $0 })
    }
}
