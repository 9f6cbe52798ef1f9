/// The rules a paper submitted to the daily feed must meet.
public struct SubmissionPolicy: Sendable, Equatable {
    /// Only papers first published within this many days may be submitted.
    public var maxAgeDays: Int
    /// How many papers one member may submit per UTC day.
    public var dailyCapPerUser: Int

    public init(maxAgeDays: Int = 14, dailyCapPerUser: Int) {
        self.maxAgeDays = maxAgeDays
        self.dailyCapPerUser = dailyCapPerUser
    }

    /// Why `paper` cannot be featured on `today` by someone who already submitted `submittedToday` papers today.
    public func check(_ paper: Paper, today: Day, submittedToday: Int) throws {
        if let featured = paper.featuredOn {
            throw CommunityError.conflict("This paper was already featured on \(CardFormatting.fullDate(featured)); a paper is featured once.")
        }
        guard let published = paper.publishedAt?.day else {
            throw CommunityError.invalid("This paper has no publication date, so it cannot be checked against the \(maxAgeDays)-day rule.")
        }
        let age = today.daysSinceEpoch - published.daysSinceEpoch
        guard age <= maxAgeDays else {
            throw CommunityError.invalid(
                "Only papers first published within the last \(maxAgeDays) days can be submitted; this one was published on \(CardFormatting.fullDate(published))."
            )
        }
        guard submittedToday < dailyCapPerUser else {
            throw CommunityError(.forbidden, "You have submitted \(submittedToday) papers today, the daily limit. Submit more tomorrow (UTC).")
        }
    }
}

/// Reading the paper a member means from what they paste: an arXiv id, an arXiv URL or a Hugging Face papers URL.
public enum PaperReference {
    /// The arXiv id without version, or why the text names no paper.
    public static func arxivId(from input: String) throws -> String {
        let text = input.trimmingWhitespace()
        guard !text.isEmpty else { throw CommunityError.invalid("Give an arXiv id such as 2410.11779, or an arXiv or Hugging Face paper URL.") }
        if let id = PaperIdentity.normalizedArxivId(text) { return id }
        if let path = pathOfKnownURL(text), let id = idFromPath(path) { return id }
        throw CommunityError.invalid("'\(String(text.prefix(100)))' is not an arXiv id (like 2410.11779) nor an arXiv or Hugging Face paper URL.")
    }

    private static let hosts: Set<String> = ["arxiv.org", "www.arxiv.org", "export.arxiv.org", "huggingface.co", "www.huggingface.co", "hf.co"]

    private static func pathOfKnownURL(_ text: String) -> Substring? {
        var rest = Substring(text)
        for scheme in ["https://", "http://"] where rest.lowercased().hasPrefix(scheme) { rest = rest.dropFirst(scheme.count) }
        guard let slash = rest.firstIndex(of: "/"), hosts.contains(rest[..<slash].lowercased()) else { return nil }
        var path = rest[slash...]
        if let end = path.firstIndex(where: { $0 == "?" || $0 == "#" }) { path = path[..<end] }
        return path
    }

    private static func idFromPath(_ path: Substring) -> String? {
        for prefix in ["/abs/", "/pdf/", "/html/", "/papers/"] where path.hasPrefix(prefix) {
            var id = String(path.dropFirst(prefix.count))
            if id.hasSuffix("/") { id.removeLast() }
            if id.hasSuffix(".pdf") { id.removeLast(4) }
            return PaperIdentity.normalizedArxivId(id)
        }
        return nil
    }
}
