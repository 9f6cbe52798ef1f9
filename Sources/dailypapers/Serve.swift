import ArgumentParser
import Embeddings
import Foundation
import Hummingbird
import Logging
import Mail
import PapersCore
import Search
import ServiceLifecycle
import Storage
import Web

/// `dailypapers serve`: runs the web site and API until SIGTERM or SIGINT.
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Serve the web site and the JSON API.",
        discussion: "Applies pending migrations first. Stops gracefully on SIGTERM or SIGINT."
    )

    @OptionGroup var databaseOptions: DatabaseOptions

    @Option(help: "The address to listen on. Environment: HOST. Default: 127.0.0.1")
    var hostname: String?

    @Option(help: "The port to listen on (0 picks a free one). Environment: PORT. Default: 8080")
    var port: Int?

    @OptionGroup var mailOptions: MailOptions

    @OptionGroup var communityOptions: CommunityOptions

    @Option(help: "When the daily digest editions are composed and sent, HH:MM in UTC. Environment: DIGEST_TIME. Default: 21:00")
    var digestTime: String?

    @Option(help: "Comma-separated addresses of reverse proxies whose X-Forwarded-For names the client (for rate limits). Environment: TRUSTED_PROXIES. Default: none")
    var trustedProxies: String?

    @Option(help: "Run the site's clock from this instant (ISO 8601, e.g. 2026-12-04T21:31:00Z) instead of now: for staging and tests of digests and feeds. Environment: CLOCK_START. Default: now")
    var clockStart: String?

    @OptionGroup var modelOptions: ModelOptions

    @Option(help: "Threads that embed new papers in the background (the rest serve requests). Environment: EMBEDDING_THREADS. Default: 1")
    var embeddingThreads: Int?

    @Option(help: "The nice value (0–19) of the threads that embed in the background: 19, the lowest priority, leaves the cores to requests first. Environment: BACKGROUND_NICE. Default: 19")
    var backgroundNice: Int?

    @Option(help: "Up to this many papers, search by meaning scans every vector; above, an IVF index. Environment: EXACT_SEARCH_LIMIT. Default: 50000")
    var exactSearchLimit: Int?

    @Option(help: "Bytes of rendered pages the response cache keeps at most. Environment: CACHE_BYTES. Default: 67108864 (64 MiB)")
    var cacheBytes: Int?

    @Option(help: "Seconds a keep-alive connection may stay idle before it is closed. Environment: IDLE_TIMEOUT. Default: 60")
    var idleTimeout: Int?

    @Option(help: "Seconds a new connection has to send its first request's head. Environment: HEADER_TIMEOUT. Default: 10")
    var headerTimeout: Int?

    @Option(help: "Connections open at once past which new ones are closed. Environment: MAX_CONNECTIONS. Default: 2048")
    var maxConnections: Int?

    @Option(help: "Log level: trace, debug, info, notice, warning, error, critical. Environment: LOG_LEVEL. Default: info")
    var logLevel: String?

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        let settings = ServerSettings(
            hostname: hostname ?? environment["HOST"] ?? "127.0.0.1",
            port: try port ?? Self.port(environment["PORT"]) ?? 8080,
            idleTimeout: .seconds(try idleTimeout ?? Self.positive(environment["IDLE_TIMEOUT"], name: "IDLE_TIMEOUT") ?? 60),
            headerTimeout: .seconds(try headerTimeout ?? Self.positive(environment["HEADER_TIMEOUT"], name: "HEADER_TIMEOUT") ?? 10),
            maxConnections: try maxConnections ?? Self.positive(environment["MAX_CONNECTIONS"], name: "MAX_CONNECTIONS") ?? 2_048
        )
        let logger = try Logging.make(level: logLevel ?? environment["LOG_LEVEL"] ?? "info")
        try await databaseOptions.withDatabase(logger: logger) { database in
            try await Migrator(database: database.sql).migrate()
            try await serve(database, settings: settings, logger: logger)
        }
    }

    private func serve(_ database: OpenDatabase, settings: ServerSettings, logger: Logger) async throws {
        let environment = ProcessInfo.processInfo.environment
        let store = SQLPaperStore(database: database.sql)
        let clock = try siteClock(environment["CLOCK_START"])
        var services: [any Service] = []
        let cache: ResponseCache
        let cacheLimit = try cacheBytes ?? Self.positive(environment["CACHE_BYTES"], name: "CACHE_BYTES") ?? ResponseCache.defaultByteLimit
        if let sqlite = database.sqlite {
            cache = ResponseCache(byteLimit: cacheLimit) { try? sqlite.dataVersion() }
            services.append(BackgroundService(every: .seconds(1)) { await Self.catchUpSearchIndex(store, logger: logger) })
        } else {
            let watcher = PostgresChangeWatcher(database: database.sql, logger: logger)
            await watcher.poll()
            cache = ResponseCache(byteLimit: cacheLimit) { watcher.version() }
            services.append(BackgroundService(every: PostgresChangeWatcher.interval) { await watcher.poll() })
        }
        let semantic = try await SemanticSetup.load(
            options: modelOptions, threads: try embeddingThreads ?? Self.positive(environment["EMBEDDING_THREADS"], name: "EMBEDDING_THREADS") ?? 1,
            niceness: Int32(try backgroundNice ?? Self.niceness(environment["BACKGROUND_NICE"]) ?? Int(BackgroundThreads.lowestPriority)),
            exactLimit: try exactSearchLimit ?? Self.positive(environment["EXACT_SEARCH_LIMIT"], name: "EXACT_SEARCH_LIMIT") ?? 50_000,
            database: database.sql, logger: logger
        )
        let keywords = KeywordIndexUpdater(index: KeywordIndex(), store: store)
        services.append(BackgroundService(every: .seconds(1)) { await Self.catchUp(keywords, logger: logger) })
        if let index = semantic.index {
            let embedder = SemanticSetup.backgroundEmbedder(index, database: database.sql)
            services.append(BackgroundService(every: .seconds(2)) { await SemanticSetup.backgroundRound(embedder, logger: logger) })
        }
        let paperCount = try await store.count()
        logger.info("serving", metadata: ["database": "\(database.location.description)", "papers": "\(paperCount)"])
        let defaultSiteURL = "http://\(settings.hostname):\(settings.port)"
        let mailStore = SQLMailStore(database: database.sql)
        let mailSetup = try await mailOptions.setup(store: mailStore, defaultSiteURL: defaultSiteURL)
        var sendNow: @Sendable () -> Void = {}
        if let smtp = mailSetup.smtp {
            let mailService = try MailService(
                publisher: DigestPublisher(papers: store, mail: mailStore, composer: mailSetup.composer, meaning: semantic.topicMeaning),
                sender: OutboxSender(store: mailStore, settings: smtp, envelopeSender: mailSetup.sender.address, clock: clock, logger: logger),
                store: mailStore,
                digestTime: digestTime ?? environment["DIGEST_TIME"] ?? "21:00",
                clock: clock,
                logger: logger
            )
            services.append(mailService)
            sendNow = { mailService.wake() }
            logger.info("mail is on", metadata: ["smtp": "\(smtp.host):\(smtp.port)", "digest_time_utc": "\(digestTime ?? environment["DIGEST_TIME"] ?? "21:00")"])
        } else {
            logger.warning("mail is off: set SMTP_URL to send digests and confirmation mails; the subscribe page says so")
        }
        let mail = MailFeatures(setup: mailSetup, store: mailStore, sendNow: sendNow)
        let community = try communityOptions.features(papers: store, database: database.sql, mail: mail, siteURL: mailSetup.composer.siteURL, clock: clock)
        let dependencies = AppDependencies(
            store: store, cache: cache, clock: clock, logger: logger, siteURL: mailSetup.composer.siteURL, mail: mail, community: community,
            trustedProxies: Set((trustedProxies ?? environment["TRUSTED_PROXIES"] ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }),
            search: PaperSearch(store: store, semantic: semantic.index, keywords: keywords.index), semanticNotice: semantic.notice
        )
        let app = buildApplication(dependencies, settings: settings, services: services)
        try await app.runService()
    }

    /// Indexes newly written papers for keyword search (SQLite; see `SQLPaperStore.catchUpSearchIndex`).
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

    /// The wall clock: now, or running from `--clock-start` / `CLOCK_START`.
    private func siteClock(_ environmentValue: String?) throws -> @Sendable () -> Timestamp {
        guard let text = clockStart ?? environmentValue else { return { .now } }
        guard let start = Timestamp(iso: text) else { throw ValidationError("CLOCK_START '\(text)' is not an ISO 8601 instant such as 2026-12-04T21:31:00Z") }
        let offset = start.millisecondsSinceEpoch - Timestamp.now.millisecondsSinceEpoch
        return { Timestamp(millisecondsSinceEpoch: Timestamp.now.millisecondsSinceEpoch + offset) }
    }

    static func port(_ text: String?) throws -> Int? {
        guard let text else { return nil }
        guard let port = Int(text), (0...65_535).contains(port) else { throw ValidationError("PORT '\(text)' is not a port number (0–65535)") }
        return port
    }

    static func niceness(_ text: String?) throws -> Int? {
        guard let text else { return nil }
        guard let value = Int(text), (0...19).contains(value) else { throw ValidationError("BACKGROUND_NICE '\(text)' is not a nice value from 0 to 19") }
        return value
    }

    static func positive(_ text: String?, name: String) throws -> Int? {
        guard let text else { return nil }
        guard let value = Int(text), value > 0 else { throw ValidationError("\(name) '\(text)' is not a positive whole number") }
        return value
    }

    func validate() throws {
        if let port, !(0...65_535).contains(port) { throw ValidationError("--port \(port) is not a port number (0–65535)") }
        if let embeddingThreads, !(1...64).contains(embeddingThreads) { throw ValidationError("--embedding-threads must be from 1 to 64") }
        if let backgroundNice, !(0...19).contains(backgroundNice) { throw ValidationError("--background-nice must be from 0 to 19") }
        if let exactSearchLimit, exactSearchLimit < 1 { throw ValidationError("--exact-search-limit must be at least 1") }
    }
}

/// The process-wide logger set-up.
enum Logging {
    static func make(level: String) throws -> Logger {
        guard let parsed = Logger.Level(rawValue: level.lowercased()) else {
            throw ValidationError("Unknown log level '\(level)': use trace, debug, info, notice, warning, error or critical")
        }
        var logger = Logger(label: "dailypapers")
        logger.logLevel = parsed
        return logger
    }
}

/// A step run again and again beside the server (a poll, a catch-up), a pause between runs, until shutdown.
struct BackgroundService: Service {
    let interval: Duration
    let step: @Sendable () async -> Void

    init(every interval: Duration, _ step: @escaping @Sendable () async -> Void) {
        self.interval = interval
        self.step = step
    }

    func run() async throws {
        try await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                await Self.untilDoneOrCancelled(step)
                do { try await Task.sleep(for: interval) } catch { return }
            }
        }
    }

    /// Runs `step`, but stops waiting for it when shutdown cancels this task: a step parked on a database that went
    /// away and came back (a pool waiting for a connection) must not hold the process up; it is cancelled too.
    private static func untilDoneOrCancelled(_ step: @escaping @Sendable () async -> Void) async {
        let (finished, signal) = AsyncStream<Void>.makeStream()
        let work = Task {
            await step()
            signal.finish()
        }
        await withTaskCancellationHandler {
            for await _ in finished {}
        } onCancel: {
            work.cancel()
            signal.finish()
        }
    }
}
