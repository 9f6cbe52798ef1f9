import Embeddings
import ForYou
import Foundation
import Harvest
import Logging
import Mail
import PapersCore
import Search
import Storage

/// The pipelines `serve` runs in the background and the commands run once — the harvest, search and the digests —
/// built here alone, from the one configuration and on the site's clock.
extension ApplicationBuilder {
    /// The builder of a one-off command: the configuration from its flags, the environment and the file, and a
    /// terminal logger that shows warnings.
    public static func command(flags: [String: String]) throws -> ApplicationBuilder {
        ApplicationBuilder(configuration: try AppConfiguration.load(flags: flags), logger: AppLogger.make(level: .warning))
    }

    /// The harvest of arXiv and Hugging Face as configured.
    public func harvestRunner(on database: any SQLDatabase) -> HarvestRunner {
        HarvestRunner(settings: configuration.harvest, database: database, clock: siteClock())
    }

    /// Search by words (and by meaning with `semantic`) over `database`. The SQL keyword index catches up with the
    /// change log first, as `serve` does every second; `inMemoryKeywords` also fills the in-memory index `serve`
    /// ranks with (worth it for a batch of queries).
    public func paperSearch(on database: any SQLDatabase, semantic: SemanticIndex?, inMemoryKeywords: Bool) async throws -> PaperSearch {
        let store = SQLPaperStore(database: database)
        try await store.catchUpSearchIndex()
        let keywords = inMemoryKeywords ? KeywordIndexUpdater(index: KeywordIndex(), store: store) : nil
        try await keywords?.catchUp()
        return PaperSearch(store: store, semantic: semantic, keywords: keywords?.index)
    }

    /// The vectors stored in `database` read by `embedder`, for a command that searches by meaning.
    public func semanticIndex(_ embedder: SentenceEmbedder, on database: any SQLDatabase) async throws -> SemanticIndex {
        let index = SemanticIndex(embedder: embedder, database: database, exactLimit: configuration.exactSearchLimit)
        try await index.refresh()
        return index
    }

    /// What composes the personal digests: each member's "For you" list ranked with `meaning` (nil: by follows).
    public func personalDigests(on database: any SQLDatabase, forYou: ForYouService, composer: DigestComposer) -> PersonalDigestPublisher {
        PersonalDigestPublisher(
            forYou: forYou, digests: SQLPersonalDigestStore(database: database), papers: SQLPaperStore(database: database), composer: composer,
            calendar: configuration.arxivCalendar)
    }

    /// The "For you" lists as configured, with `meaning` (nil: by follows alone).
    public func forYouService(on database: any SQLDatabase, meaning: (any PaperMeaning)?) -> ForYouService {
        ForYouService(
            stores: .init(database: database), meaning: meaning, weights: configuration.forYouWeights, days: configuration.forYouDays,
            clock: siteClock())
    }

    /// What composes the digests and what sends the outbox (nil when mail is off), as configured.
    public func digestPipeline(
        on database: any SQLDatabase, meaning: TopicMeaning?
    ) async throws -> (setup: MailSetup, publisher: DigestPublisher, sender: OutboxSender?) {
        let mailStore = SQLMailStore(database: database)
        let setup = try await Self.mailSetup(configuration, store: mailStore)
        let publisher = DigestPublisher(
            papers: SQLPaperStore(database: database), mail: mailStore, composer: setup.composer, meaning: meaning,
            calendar: configuration.arxivCalendar
        )
        let sender = setup.smtp.map {
            OutboxSender(store: mailStore, settings: $0, envelopeSender: setup.sender.address, clock: siteClock(), logger: logger)
        }
        return (setup, publisher, sender)
    }
}
