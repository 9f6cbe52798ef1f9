/// arXiv's subject categories (`cs.CL`, `hep-th`, `q-bio.NC`), as the harvest, the pages and the search syntax name them.
public enum ArxivCategory {
    /// Whether `text` is written as a category: a lower-case archive, optionally `.` and a subject of letters.
    public static func isValid(_ text: String) -> Bool {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.count <= 16 }) else { return false }
        return parts[0].allSatisfy { ($0.isASCII && $0.isLowercase) || $0 == "-" }
            && parts.dropFirst().allSatisfy { $0.allSatisfy { $0.isASCII && ($0.isLetter || $0 == "-") } }
    }
}
