import Hummingbird
import HummingbirdCore
import Logging
import Mail
import PapersCore
import Search
import ServiceLifecycle
import Storage

/// Everything the HTTP application needs from the outside world.
public struct AppDependencies: Sendable {
    public let store: SQLPaperStore
    public let cache: ResponseCache
    public let clock: @Sendable () -> Timestamp
    public let logger: Logger
    /// The site's public address, for absolute links in feeds, mail and `Link` headers.
    public let site: SiteAddress
    /// Subscriptions and mail (whose setup says whether SMTP is configured).
    public let mail: MailFeatures
    /// Accounts, votes, submissions, comments and moderation.
    public let community: CommunityFeatures
    /// Follows and each member's "For you" list.
    public let forYou: ForYouFeatures
    /// Addresses of reverse proxies (nginx) whose `X-Forwarded-For` names the real client, for rate limits.
    public let trustedProxies: Set<String>
    /// Search by words and meaning.
    public let search: PaperSearch
    /// Why search by meaning is off (the model is missing), shown on the search page; nil when it is on.
    public let semanticNotice: String?
    /// The harvested categories, offered as filters of `/papers/new`, and arXiv's calendar, for its quiet days.
    public let listingCategories: [String]
    public let arxivCalendar: ArxivCalendar
    /// What each harvest source last did, for the operators' page.
    public let ingest: SQLIngestStore

    public init(
        store: SQLPaperStore,
        cache: ResponseCache,
        clock: @escaping @Sendable () -> Timestamp,
        logger: Logger,
        siteURL: String,
        mail: MailFeatures,
        community: CommunityFeatures,
        forYou: ForYouFeatures,
        trustedProxies: Set<String>,
        search: PaperSearch,
        semanticNotice: String?,
        listingCategories: [String],
        arxivCalendar: ArxivCalendar,
        ingest: SQLIngestStore
    ) {
        self.ingest = ingest
        self.listingCategories = listingCategories
        self.arxivCalendar = arxivCalendar
        self.trustedProxies = trustedProxies
        self.search = search
        self.semanticNotice = semanticNotice
        self.mail = mail
        self.community = community
        self.forYou = forYou
        self.store = store
        self.cache = cache
        self.clock = clock
        self.logger = logger
        site = SiteAddress(siteURL)
    }
}

/// Where the server listens and what it allows a connection.
public struct ServerSettings: Sendable {
    public var hostname: String
    public var port: Int
    /// A keep-alive connection with no request for this long is closed.
    public var idleTimeout: Duration
    /// A new connection must send its first request's head within this time.
    public var headerTimeout: Duration
    /// A request's body must have arrived whole this long after its head.
    public var requestTimeout: Duration
    /// Past this many connections open at once, a new one replaces an idle keep-alive one, or is closed.
    public var maxConnections: Int
    /// Connections one client (an address, an IPv6 /64) may hold open; trusted proxies are not limited.
    public var maxConnectionsPerClient: Int

    public init(
        hostname: String, port: Int, idleTimeout: Duration, headerTimeout: Duration, requestTimeout: Duration, maxConnections: Int,
        maxConnectionsPerClient: Int
    ) {
        self.hostname = hostname
        self.port = port
        self.idleTimeout = idleTimeout
        self.headerTimeout = headerTimeout
        self.requestTimeout = requestTimeout
        self.maxConnections = maxConnections
        self.maxConnectionsPerClient = maxConnectionsPerClient
    }
}

/// Builds the router: every route of the site and the API, behind the error middleware.
public func buildRouter(_ dependencies: AppDependencies) -> Router<AppRequestContext> {
    buildRouter(dependencies, security: SecurityHeaders(strictTransport: dependencies.site.isHTTPS), keys: CacheKeys(dependencies))
}

func buildRouter(_ dependencies: AppDependencies, security: SecurityHeaders, keys: CacheKeys) -> Router<AppRequestContext> {
    let router = Router(context: AppRequestContext.self)
    router.add(middleware: CompressionMiddleware())
    router.add(middleware: SecurityHeadersMiddleware(security: security, logger: dependencies.logger))
    router.add(middleware: RoutingMiddleware())
    if !dependencies.trustedProxies.isEmpty { router.add(middleware: ForwardedClientMiddleware(trustedProxies: dependencies.trustedProxies)) }
    router.add(
        middleware: CommunityMiddleware(
            community: dependencies.community, follows: dependencies.forYou.follows, cache: dependencies.cache, clock: dependencies.clock))
    router.add(middleware: RouteTable(handlers: RouteHandlers(dependencies), cache: dependencies.cache, keys: keys))
    return router
}

/// The `Server` header of every response.
let serverName = "DailyPapers"

/// Builds the HTTP application: the one place the server is assembled.
public func buildApplication(_ dependencies: AppDependencies, settings: ServerSettings, services: [any Service] = []) -> some ApplicationProtocol {
    let security = SecurityHeaders(strictTransport: dependencies.site.isHTTPS)
    let keys = CacheKeys(dependencies)
    let cachedPages = CachedPageServer(
        cache: dependencies.cache, keys: keys, limits: dependencies.community.limits, clock: dependencies.clock,
        trustedProxies: dependencies.trustedProxies, security: security, serverName: serverName
    )
    let connections = ConnectionGuard(
        table: ConnectionTable(maxConnections: settings.maxConnections, maxPerClient: settings.maxConnectionsPerClient),
        timeouts: ConnectionTimeouts(
            header: .init(settings.headerTimeout), idle: .init(settings.idleTimeout), request: .init(settings.requestTimeout)),
        cachedPages: cachedPages
    )
    // No idle timeout of Hummingbird's: cached answers never reach its handler, so the cached-page handler keeps it.
    let http = HTTP1Channel.Configuration(additionalChannelHandlers: [connections.handler()], idleTimeout: nil)
    return Application(
        router: buildRouter(dependencies, security: security, keys: keys),
        server: .http1(configuration: http),
        configuration: .init(address: .hostname(settings.hostname, port: settings.port), serverName: serverName),
        services: services,
        logger: dependencies.logger
    )
}
