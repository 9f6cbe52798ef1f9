import Arxiv
import PapersCore
import Storage

/// What each harvester works with: the settings, the papers, the harvest state, its source's polite fetcher, and the
/// site's clock, which stamps what it writes.
struct HarvestContext: Sendable {
    let settings: HarvestSettings
    let store: SQLPaperStore
    let ingest: SQLIngestStore
    let fetcher: PoliteFetcher
    let clock: @Sendable () -> Timestamp

    init(
        settings: HarvestSettings, store: SQLPaperStore, ingest: SQLIngestStore, source: String, pacer: any RequestPacer,
        clock: @escaping @Sendable () -> Timestamp
    ) {
        self.settings = settings
        self.store = store
        self.ingest = ingest
        self.clock = clock
        fetcher = PoliteFetcher(policy: settings.policy(source: source), pacer: pacer)
    }
}
