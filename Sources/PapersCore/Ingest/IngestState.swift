/// What one source of papers (arXiv's listing, arXiv's OAI-PMH, the Hugging Face daily list) has done: where its
/// harvest stands, what its last run added, updated and skipped, when it runs next and what last went wrong.
public struct IngestState: Sendable, Equatable {
    /// The sources, by the name their state is kept under.
    public enum Source: String, Sendable, CaseIterable {
        case arxivListing = "arxiv-listing"
        case arxivOAI = "arxiv-oai"
        case huggingface

        /// How the operator's pages and the CLI name it.
        public var title: String {
            switch self {
                case .arxivListing: "arXiv announcements (RSS)"
                case .arxivOAI: "arXiv records (OAI-PMH)"
                case .huggingface: "Hugging Face daily papers"
            }
        }
    }

    public var source: Source
    /// Where the next run starts: an OAI-PMH `from` datestamp, the last listing's date, the last synced day.
    public var checkpoint: String?
    /// An OAI-PMH list in progress: the token of its next page.
    public var resumptionToken: String?
    /// Set while a run is in progress (or was, when it died).
    public var runStartedAt: Timestamp?
    public var lastRunAt: Timestamp?
    public var lastSuccessAt: Timestamp?
    /// What the last run did.
    public var added: Int
    public var updated: Int
    public var skipped: Int
    public var requests: Int
    /// The last run's failure, in plain words; nil when it succeeded.
    public var lastError: String?
    public var nextRunAt: Timestamp?

    public init(
        source: Source, checkpoint: String? = nil, resumptionToken: String? = nil, runStartedAt: Timestamp? = nil,
        lastRunAt: Timestamp? = nil, lastSuccessAt: Timestamp? = nil, added: Int = 0, updated: Int = 0, skipped: Int = 0,
        requests: Int = 0, lastError: String? = nil, nextRunAt: Timestamp? = nil
    ) {
        self.source = source
        self.checkpoint = checkpoint
        self.resumptionToken = resumptionToken
        self.runStartedAt = runStartedAt
        self.lastRunAt = lastRunAt
        self.lastSuccessAt = lastSuccessAt
        self.added = added
        self.updated = updated
        self.skipped = skipped
        self.requests = requests
        self.lastError = lastError
        self.nextRunAt = nextRunAt
    }
}

/// What a harvest run did, counted as it goes.
public struct RunCounts: Sendable, Equatable {
    public var added = 0
    public var updated = 0
    public var skipped = 0
    public var requests = 0

    public init(added: Int = 0, updated: Int = 0, skipped: Int = 0, requests: Int = 0) {
        self.added = added
        self.updated = updated
        self.skipped = skipped
        self.requests = requests
    }

    /// "12 added, 3 updated, 40 unchanged, 2 requests".
    public var line: String { "\(added) added, \(updated) updated, \(skipped) unchanged, \(requests) request\(requests == 1 ? "" : "s")" }
}
