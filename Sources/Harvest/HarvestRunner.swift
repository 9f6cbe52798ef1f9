import Arxiv
import PapersCore
import Storage

/// Runs one harvest of a source the way every caller needs it: on one instance at a time (a database lock that a
/// dying process releases at once), with the source's requests paced across instances, and with the run's start,
/// what it did and its error in plain words recorded for `dailypapers ingest status` and the operators' page.
public struct HarvestRunner: Sendable {
    /// What `harvest arxiv` reads: the announcement listing, the OAI-PMH records, or both (the listing first).
    public enum ArxivPart: String, Sendable, CaseIterable {
        case listing, records, both
    }

    public let settings: HarvestSettings
    let database: any SQLDatabase
    /// The site's clock (`CLOCK_START` in staging and tests): which day a source is on, and when runs are recorded.
    let clock: @Sendable () -> Timestamp
    public let ingest: SQLIngestStore
    // Made once: each holds one HTTP session for the life of the runner (the scheduler runs them for months).
    private let listingHarvester: ListingHarvester
    private let recordsHarvester: OAIHarvester
    private let hubSync: HubDailySync

    public init(settings: HarvestSettings, database: any SQLDatabase, clock: @escaping @Sendable () -> Timestamp) {
        self.settings = settings
        self.database = database
        self.clock = clock
        let store = SQLPaperStore(database: database)
        ingest = SQLIngestStore(database: database)
        let arxivPacer = SlotPacer(database: database, name: SlotPacer.arxiv, interval: settings.arxivInterval)
        let arxiv = HarvestContext(settings: settings, store: store, ingest: ingest, source: "arXiv", pacer: arxivPacer, clock: clock)
        listingHarvester = ListingHarvester(arxiv)
        recordsHarvester = OAIHarvester(arxiv)
        let hubPacer = SlotPacer(database: database, name: SlotPacer.huggingface, interval: settings.hubInterval)
        hubSync = HubDailySync(
            HarvestContext(settings: settings, store: store, ingest: ingest, source: "Hugging Face", pacer: hubPacer, clock: clock))
    }

    /// The lock names: one arXiv harvest and one Hugging Face sync at a time, across instances.
    static let arxivLock = "harvest-arxiv"
    static let hubLock = "harvest-huggingface"

    /// Harvests arXiv; nil when another instance is harvesting it now.
    public func arxiv(
        _ part: ArxivPart = .both, from: Day? = nil, dryRun: Bool = false, report: HarvestReport = .silent
    ) async throws -> [IngestState.Source: RunCounts]? {
        try await database.withExclusiveLock(Self.arxivLock) {
            var done: [IngestState.Source: RunCounts] = [:]
            if part != .records {
                done[.arxivListing] = try await recorded(.arxivListing, dryRun: dryRun) {
                    try await listingHarvester.run(dryRun: dryRun, report: report).counts
                }
            }
            if part != .listing {
                done[.arxivOAI] = try await recorded(.arxivOAI, dryRun: dryRun) {
                    try await recordsHarvester.run(from: from, dryRun: dryRun, now: clock(), report: report)
                }
            }
            return done
        }
    }

    /// Mirrors Hugging Face's daily list; nil when another instance is syncing it now.
    public func huggingface(from: Day? = nil, through: Day? = nil, dryRun: Bool = false, report: HarvestReport = .silent) async throws -> RunCounts? {
        try await database.withExclusiveLock(Self.hubLock) {
            try await recorded(.huggingface, dryRun: dryRun) {
                try await hubSync.run(from: from, through: through, dryRun: dryRun, now: clock(), report: report)
            }
        }
    }

    /// Runs `body` with its start and end recorded (a dry run records nothing).
    private func recorded(_ source: IngestState.Source, dryRun: Bool, _ body: () async throws -> RunCounts) async throws -> RunCounts {
        guard !dryRun else { return try await body() }
        try await ingest.start(source, at: clock())
        let next = try await ingest.state(of: source).nextRunAt
        do {
            let result = try await body()
            try await ingest.finish(source, counts: result, error: nil, nextRunAt: next, at: clock())
            return result
        } catch {
            try? await ingest.finish(source, counts: RunCounts(), error: "\(error)", nextRunAt: next, at: clock())
            throw error
        }
    }
}
