import Arxiv
import Embeddings
import ForYou
import Foundation
import Hummingbird
import Logging
import Mail
import PapersCore
import Search
import ServiceLifecycle
import Storage
import Web

/// Builds the whole application from a configuration: the stores, the response cache, search with its indexes and
/// embedder, mail, the community features and every background service. `serve` runs what it returns, and the tests
/// build the same thing, changing only what `Overrides` names.
public struct ApplicationBuilder: Sendable {
    public let configuration: AppConfiguration
    public let overrides: Overrides
    public let logger: Logger

    /// What a test may replace in the production wiring.
    public struct Overrides: Sendable {
        /// The site's clock; nil uses `CLOCK_START` or the real time.
        public var clock: (@Sendable () -> Timestamp)?
        /// How often the response cache asks whether the data changed; nil keeps the production second.
        public var cacheCheckInterval: Duration?
        /// An index of vectors the test embedded already, instead of the model `DAILYPAPERS_MODEL` names.
        public var semantic: SemanticIndex?
        /// How submissions reach arXiv (a recorded stand-in, no pauses); nil paces them with the harvest's slots.
        public var arxiv: ArxivClientSettings?

        public init(
            clock: (@Sendable () -> Timestamp)? = nil, cacheCheckInterval: Duration? = nil, semantic: SemanticIndex? = nil,
            arxiv: ArxivClientSettings? = nil
        ) {
            self.clock = clock
            self.cacheCheckInterval = cacheCheckInterval
            self.semantic = semantic
            self.arxiv = arxiv
        }
    }

    /// The parts of a built application, for the tests that look inside.
    public struct Parts: Sendable {
        public let dependencies: AppDependencies
        public let services: [any Service]
    }

    /// The site's clock, made once: every part of one application (and every step of one command) reads the same time.
    private let clock: @Sendable () -> Timestamp

    public init(configuration: AppConfiguration, overrides: Overrides = Overrides(), logger: Logger) {
        self.configuration = configuration
        self.overrides = overrides
        self.logger = logger
        clock = overrides.clock ?? Self.clock(startingAt: configuration.clockStart)
    }

    /// The application on `database` (migrated already), ready to run.
    public func build(on database: OpenDatabase) async throws -> some ApplicationProtocol {
        let parts = try await parts(on: database)
        return buildApplication(parts.dependencies, settings: configuration.server, services: parts.services)
    }

    /// Everything the application is made of, wired as `serve` wires it.
    public func parts(on database: OpenDatabase) async throws -> Parts {
        let store = SQLPaperStore(database: database.sql)
        let clock = siteClock()
        var services: [any Service] = []
        let cache = await responseCache(database, services: &services)
        let semantic = try await semanticSetup(database)
        services.append(BackgroundService(every: .seconds(1)) { [logger] in await Self.catchUpSearchIndex(store, logger: logger) })
        let keywords = KeywordIndexUpdater(index: KeywordIndex(), store: store)
        services.append(BackgroundService(every: .seconds(1)) { [logger] in await Self.catchUp(keywords, logger: logger) })
        if let index = semantic.index {
            let embedder = SemanticSetup.backgroundEmbedder(index, database: database.sql)
            services.append(BackgroundService(every: .seconds(2)) { [logger] in await SemanticSetup.backgroundRound(embedder, logger: logger) })
        }
        let forYou = ForYouFeatures(
            forYou: forYouService(on: database.sql, meaning: semantic.index), follows: FollowService(database: database.sql, clock: clock))
        let mail = try await mailFeatures(database, meaning: semantic.topicMeaning, forYou: forYou.forYou, clock: clock, services: &services)
        let community = communityFeatures(papers: store, database: database.sql, mail: mail, clock: clock)
        harvestFeatures(database, clock: clock, services: &services)
        let dependencies = AppDependencies(
            store: store, cache: cache, clock: clock, logger: logger, siteURL: configuration.publicURL, mail: mail, community: community,
            forYou: forYou,
            trustedProxies: configuration.trustedProxies,
            search: PaperSearch(
                store: store, semantic: semantic.index, keywords: keywords.index,
                workers: SearchWorkers(count: configuration.searchWorkers, queueLimit: configuration.searchQueue)),
            semanticNotice: semantic.notice,
            listingCategories: configuration.harvest.categories, arxivCalendar: configuration.arxivCalendar,
            ingest: SQLIngestStore(database: database.sql)
        )
        return Parts(dependencies: dependencies, services: services)
    }

    /// The model and the vectors stored, or the test's own index.
    private func semanticSetup(_ database: OpenDatabase) async throws -> SemanticSetup {
        if let index = overrides.semantic { return SemanticSetup(index: index, notice: nil) }
        return try await SemanticSetup.load(
            directory: configuration.modelDirectory, threads: configuration.embeddingThreads, niceness: Int32(configuration.backgroundNice),
            precision: configuration.embeddingPrecision,
            exactLimit: configuration.exactSearchLimit, database: database.sql, logger: logger
        )
    }

    /// The response cache, told of changes by SQLite's data version or, on PostgreSQL, by the change watcher.
    private func responseCache(_ database: OpenDatabase, services: inout [any Service]) async -> ResponseCache {
        let interval = overrides.cacheCheckInterval ?? .seconds(1)
        if let sqlite = database.sqlite {
            return ResponseCache(byteLimit: configuration.cacheBytes, checkInterval: interval) { try? sqlite.dataVersion() }
        }
        let watcher = PostgresChangeWatcher(database: database.sql, logger: logger)
        await watcher.poll()
        services.append(BackgroundService(every: PostgresChangeWatcher.interval) { await watcher.poll() })
        return ResponseCache(byteLimit: configuration.cacheBytes, checkInterval: interval) { watcher.version() }
    }

    /// The site's clock: the override, or the real time running from `CLOCK_START`, or the real time. Pages, mail,
    /// the harvest and every command read "now" from it.
    public func siteClock() -> @Sendable () -> Timestamp {
        clock
    }

    /// The real time, or the real time shifted to read `start` now.
    private static func clock(startingAt start: Timestamp?) -> @Sendable () -> Timestamp {
        guard let start else { return { .now } }
        let offset = start.millisecondsSinceEpoch - Timestamp.now.millisecondsSinceEpoch
        return { Timestamp(millisecondsSinceEpoch: Timestamp.now.millisecondsSinceEpoch + offset) }
    }

    /// Applies the change log to the SQL keyword index (see `SQLPaperStore.catchUpSearchIndex`).
    private static func catchUpSearchIndex(_ store: SQLPaperStore, logger: Logger) async {
        do {
            let indexed = try await store.catchUpSearchIndex()
            if indexed > 0 { logger.debug("search index caught up", metadata: ["papers": "\(indexed)"]) }
        } catch {
            logger.warning("search indexing failed; retrying", metadata: ["error": "\(error)"])
        }
    }

    /// Fills the in-memory keyword index (the first time) or applies the paper change log to it.
    private static func catchUp(_ keywords: KeywordIndexUpdater, logger: Logger) async {
        do {
            let wasReady = keywords.index.isReady
            let started = ContinuousClock.now
            let read = try await keywords.catchUp()
            if !wasReady {
                logger.info("keyword index ready", metadata: ["papers": "\(read)", "fill_time": "\(ContinuousClock.now - started)"])
            } else if read > 0 {
                logger.debug("keyword index caught up", metadata: ["changes": "\(read)"])
            }
        } catch {
            logger.warning("keyword indexing failed; retrying (SQL answers keyword searches meanwhile)", metadata: ["error": "\(error)"])
        }
    }
}
