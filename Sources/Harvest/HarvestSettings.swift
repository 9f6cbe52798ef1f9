import Arxiv
import Foundation
import PapersCore

/// What the harvesters fetch, from where, and how politely: the part of the one configuration they read.
public struct HarvestSettings: Sendable {
    /// Which papers reach the daily feed by themselves.
    public enum FeatureMode: String, Sendable, CaseIterable {
        /// Members submit or upvote, as on Hugging Face: harvested papers wait on `/papers/new`.
        case manual
        /// Every new paper in the chosen categories is featured on its announcement day.
        case all
    }

    /// arXiv categories, e.g. `cs.CL`; the listing is fetched for all of them at once.
    public var categories: [String]
    public var oaiURL: URL
    /// The host of arXiv's listings (`https://rss.arxiv.org`); `/rss/CATS` is appended.
    public var listingURL: URL
    /// `arXivRaw` (every version with its date) or `arXiv` (licence, split authors).
    public var metadataPrefix: String
    /// Where a first OAI-PMH harvest starts; nil: a week before today.
    public var backfillFrom: Day?
    /// Who to contact about this harvester, sent in the User-Agent as arXiv's terms ask.
    public var contact: String
    public var featureMode: FeatureMode
    /// arXiv's limit: one request per interval across every instance.
    public var arxivInterval: Duration
    /// The Hugging Face site whose `/api/daily_papers?date=` is mirrored.
    public var hubURL: URL
    public var hubInterval: Duration
    /// Where a first Hugging Face sync starts; nil: today.
    public var hubFrom: Day?
    /// Attempts per request and the first pause between them (tests shorten it).
    public var maxAttempts: Int
    public var initialBackoff: Duration
    public var timeout: Duration

    public init(
        categories: [String], oaiURL: URL, listingURL: URL, metadataPrefix: String = "arXivRaw", backfillFrom: Day?, contact: String,
        featureMode: FeatureMode, arxivInterval: Duration, hubURL: URL, hubInterval: Duration = .seconds(1), hubFrom: Day?,
        maxAttempts: Int = 5, initialBackoff: Duration = .seconds(5), timeout: Duration
    ) {
        self.categories = categories
        self.oaiURL = oaiURL
        self.listingURL = listingURL
        self.metadataPrefix = metadataPrefix
        self.backfillFrom = backfillFrom
        self.contact = contact
        self.featureMode = featureMode
        self.arxivInterval = arxivInterval
        self.hubURL = hubURL
        self.hubInterval = hubInterval
        self.hubFrom = hubFrom
        self.maxAttempts = maxAttempts
        self.initialBackoff = initialBackoff
        self.timeout = timeout
    }

    /// "DailyPapers/1.0 (self-hosted paper feed; mailto:ops@example.org)".
    public var userAgent: String {
        let contactPart = contact.isEmpty ? "" : "; mailto:\(contact)"
        return "DailyPapers/1.0 (self-hosted paper feed; https://github.com/dailypapers/dailypapers\(contactPart))"
    }

    /// The OAI-PMH sets that hold the categories: `cs` for `cs.CL`, `physics:hep-th` for `hep-th`, `math` for `math.AG`.
    public var oaiSets: [String] {
        var sets: [String] = []
        for category in categories {
            let archive = category.split(separator: ".").first.map(String.init) ?? category
            let set = Self.topLevelArchives.contains(archive) ? archive : "physics:\(archive)"
            if !sets.contains(set) { sets.append(set) }
        }
        return sets
    }

    /// arXiv's archives that are OAI-PMH sets of their own; the others live under `physics`.
    static let topLevelArchives: Set<String> = ["cs", "econ", "eess", "math", "q-bio", "q-fin", "stat", "physics"]

    /// Whether a paper with these categories is one the instance harvests.
    public func wants(_ categories: [String]) -> Bool {
        categories.contains { self.categories.contains($0) }
    }

    /// How requests to a source behave.
    func policy(source: String) -> FetchPolicy {
        FetchPolicy(sourceName: source, userAgent: userAgent, timeout: timeout, maxAttempts: maxAttempts, initialBackoff: initialBackoff)
    }
}
