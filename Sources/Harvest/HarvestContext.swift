import Arxiv
import Storage

/// What each harvester works with: the settings, the papers, the harvest state, and its source's polite fetcher.
struct HarvestContext: Sendable {
    let settings: HarvestSettings
    let store: SQLPaperStore
    let ingest: SQLIngestStore
    let fetcher: PoliteFetcher

    init(settings: HarvestSettings, store: SQLPaperStore, ingest: SQLIngestStore, source: String, pacer: any RequestPacer) {
        self.settings = settings
        self.store = store
        self.ingest = ingest
        fetcher = PoliteFetcher(policy: settings.policy(source: source), pacer: pacer)
    }
}
