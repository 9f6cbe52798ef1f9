/// Every setting, with its default and documentation: the one list the configuration, the flags of `serve`, the
/// README's settings table and `.env.example` are all made from.
public enum Settings {
    public static let configFile = Setting(
        "DAILYPAPERS_CONFIG", flag: "config", group: .database,
        "A configuration file of NAME=value lines (see .env.example); flags and the environment override it."
    )
    public static let database = Setting(
        "DATABASE_URL", flag: "database", default: "data/dailypapers.sqlite", group: .database, secret: true,
        "The database: an SQLite file path, sqlite:PATH, or postgres://USER[:PASSWORD]@HOST[:PORT]/NAME?pool=N&acquire_timeout=S&connect_timeout=S&statement_timeout=S&schema=NAME."
    )

    public static let host = Setting("HOST", flag: "hostname", default: "127.0.0.1", group: .server, "The address to listen on.")
    public static let port = Setting("PORT", flag: "port", default: "8080", group: .server, "The port to listen on (0 picks a free one).")
    public static let publicURL = Setting(
        "PUBLIC_URL", flag: "public-url", shown: "http://HOST:PORT", group: .server,
        "The site's public address, for links in pages, feeds, mail and API headers; https turns on HSTS and Secure cookies."
    )
    public static let trustedProxies = Setting(
        "TRUSTED_PROXIES", flag: "trusted-proxies", default: "", group: .server,
        "Comma-separated addresses of reverse proxies whose X-Forwarded-For names the client (for rate limits)."
    )
    public static let idleTimeout = Setting(
        "IDLE_TIMEOUT", flag: "idle-timeout", default: "60", group: .server, "Seconds a keep-alive connection may stay idle before it is closed.")
    public static let headerTimeout = Setting(
        "HEADER_TIMEOUT", flag: "header-timeout", default: "10", group: .server, "Seconds a new connection has to send its first request's head.")
    public static let requestTimeout = Setting(
        "REQUEST_TIMEOUT", flag: "request-timeout", default: "30", group: .server,
        "Seconds a request's body has to arrive whole once its head has come (a trickling upload is cut off).")
    public static let maxConnections = Setting(
        "MAX_CONNECTIONS", flag: "max-connections", default: "2048", group: .server,
        "Connections open at once; past it a new one replaces an idle keep-alive connection, or is closed when none is idle.")
    public static let maxConnectionsPerClient = Setting(
        "MAX_CONNECTIONS_PER_CLIENT", flag: "max-connections-per-client", default: "64", group: .server,
        "Connections one client address (an IPv6 /64) may hold open; trusted proxies are not limited.")
    public static let cacheBytes = Setting(
        "CACHE_BYTES", flag: "cache-bytes", default: "67108864", group: .server, "Bytes of rendered pages the response cache keeps at most (64 MiB).")
    public static let logLevel = Setting(
        "LOG_LEVEL", flag: "log-level", default: "info", group: .server, "Log level: trace, debug, info, notice, warning, error or critical.")
    public static let clockStart = Setting(
        "CLOCK_START", flag: "clock-start", shown: "now", group: .server,
        "Run the site's clock from this instant (ISO 8601, e.g. 2026-12-04T21:31:00Z): for staging and tests of digests and feeds."
    )

    /// Every bucket's limit, which `RATE_LIMITS` changes name by name.
    public static let defaultRateLimits = "pages=300/600,api=500/1000,login=10,signup=5,reset=5/3,submit=20,vote=300,comment=30"
    public static let rateLimits = Setting(
        "RATE_LIMITS", flag: "rate-limits", default: "", shown: defaultRateLimits,
        group: .community, "Requests per 5 minutes and client, as NAME=ANON/MEMBER or NAME=N; the names not given keep their defaults."
    )
    public static let bcryptCost = Setting(
        "BCRYPT_COST", flag: "bcrypt-cost", default: "12", group: .community, "bcrypt cost of new password hashes (4–16).")
    public static let submissionsPerDay = Setting(
        "SUBMISSIONS_PER_DAY", flag: "submissions-per-day", default: "5", group: .community, "Papers one member may submit per UTC day.")
    public static let forYouDays = Setting(
        "FOR_YOU_DAYS", flag: "for-you-days", default: "7", group: .community,
        "How many days of papers (featured, and announced new by arXiv) a member's For you list ranks (1–31)."
    )
    public static let forYouWeights = Setting(
        "FOR_YOU_WEIGHTS", flag: "for-you-weights", default: "", group: .community,
        "The For you ranking's constants as a JSON object (e.g. {\"meaning\": 1.2}), for evaluations; those not named keep the values docs/benchmarks.md reports."
    )
    public static let arxivAPIURL = Setting(
        "ARXIV_API_URL", flag: "arxiv-api-url", default: "https://export.arxiv.org/api/query", group: .community,
        "The arXiv API endpoint that submissions are looked up at."
    )
    public static let password = Setting(
        "DAILYPAPERS_PASSWORD", flag: nil, group: .community, secret: true,
        "The password of `dailypapers user add` (never a flag, so it stays out of the process list); else the first line of standard input."
    )

    public static let smtpURL = Setting(
        "SMTP_URL", flag: "smtp-url", group: .mail, secret: true,
        "The SMTP server: smtp://[user:pass@]host[:port] uses STARTTLS when offered, smtp+starttls://… requires it, smtps://… is implicit TLS; ?ca=FILE trusts an extra CA, ?timeout=S sets the per-step timeout (30 s), ?helo=NAME. Unset: mail is off."
    )
    public static let mailFrom = Setting(
        "MAIL_FROM", flag: "mail-from", default: "DailyPapers <papers@dailypapers.localhost>", group: .mail,
        "The sender of every mail, 'Name <address>' or an address."
    )
    public static let unsubscribeMailbox = Setting(
        "MAIL_UNSUBSCRIBE", flag: "unsubscribe-mailbox", group: .mail, "An address that handles List-Unsubscribe mailto requests, if you have one."
    )
    public static let digestTime = Setting(
        "DIGEST_TIME", flag: "digest-time", default: "21:00", group: .mail, "When the daily digest editions are composed and sent, HH:MM in UTC.")
    public static let mailPerAddress = Setting(
        "MAIL_PER_ADDRESS", flag: "mail-per-address", default: "5", group: .mail,
        "Mails (confirmations, account links, notices; not digests) one address may get in an hour.")
    public static let mailPerMember = Setting(
        "MAIL_PER_MEMBER", flag: "mail-per-member", default: "10", group: .mail, "Mails one member's actions may cause in an hour.")
    public static let mailPerHour = Setting(
        "MAIL_PER_HOUR", flag: "mail-per-hour", default: "1000", group: .mail, "Mails other than digests the site sends in an hour, in all.")
    public static let mailRetentionDays = Setting(
        "MAIL_RETENTION_DAYS", flag: "mail-retention-days", default: "30", group: .mail,
        "Days sent mail stays in the outbox (without its one-time links) before it is deleted.")

    public static let model = Setting(
        "DAILYPAPERS_MODEL", flag: "model", default: "models/all-MiniLM-L6-v2", group: .search,
        "The all-MiniLM-L6-v2 folder (vocab.txt, model.safetensors; `make models` fetches it). Without it, search is by words only."
    )
    public static let embeddingThreads = Setting(
        "EMBEDDING_THREADS", flag: "embedding-threads", shown: "the number of cores", group: .search,
        "Threads that embed new papers in the background (1–64), at BACKGROUND_NICE: they take only what requests leave.")
    public static let embeddingPrecision = Setting(
        "EMBEDDING_PRECISION", flag: "embedding-precision", default: "auto", group: .search,
        "How the embedding model multiplies: auto (int8 dense layers on a CPU with AVX-512 VNNI or AVX-VNNI, f32 elsewhere) or f32 (the portable path, everywhere)."
    )
    public static let backgroundNice = Setting(
        "BACKGROUND_NICE", flag: "background-nice", default: "19", group: .search,
        "The nice value (0–19) of the background embedding threads: 19, the lowest priority, leaves the cores to requests first."
    )
    public static let exactSearchLimit = Setting(
        "EXACT_SEARCH_LIMIT", flag: "exact-search-limit", default: "50000", group: .search,
        "Up to this many papers, search by meaning scans every vector; above, an IVF index."
    )
    public static let searchWorkers = Setting(
        "SEARCH_WORKERS", flag: "search-workers", shown: "cores − 1, at least 1", group: .search,
        "Threads that run searches (1–64): fewer than the cores, so pages are served while people search."
    )
    public static let searchQueue = Setting(
        "SEARCH_QUEUE", flag: "search-queue", default: "64", group: .search,
        "Searches that may wait for a search thread; past them a search is answered 503 with Retry-After."
    )

    /// Every setting, in the order of the documentation.
    public static let harvest = Setting(
        "HARVEST", flag: "harvest", default: "off", group: .harvest,
        "on: serve harvests arXiv's announcements (after 20:00 New York time, Sunday to Thursday), its OAI-PMH records and Hugging Face's daily list by itself."
    )
    public static let arxivCategories = Setting(
        "ARXIV_CATEGORIES", flag: "arxiv-categories", default: "cs.AI,cs.CL,cs.CV,cs.LG", group: .harvest,
        "Comma-separated arXiv categories to harvest (their listing, and OAI-PMH records of their archives)."
    )
    public static let arxivBackfillFrom = Setting(
        "ARXIV_BACKFILL_FROM", flag: "arxiv-backfill-from", shown: "a week ago", group: .harvest,
        "The day (YYYY-MM-DD) a first OAI-PMH harvest starts from; later runs continue from their checkpoint."
    )
    public static let arxivContact = Setting(
        "ARXIV_CONTACT", flag: "arxiv-contact", default: "", group: .harvest,
        "An e-mail address for arXiv and Hugging Face to reach the operator, sent in the User-Agent as arXiv's terms ask."
    )
    public static let featureNew = Setting(
        "FEATURE_NEW", flag: "feature-new", default: "manual", group: .harvest,
        "manual: harvested papers wait on /papers/new for members to submit or upvote; all: every new paper in the categories is featured."
    )
    public static let arxivOAIURL = Setting(
        "ARXIV_OAI_URL", flag: "arxiv-oai-url", default: "https://oaipmh.arxiv.org/oai", group: .harvest, "arXiv's OAI-PMH base URL.")
    public static let arxivListingURL = Setting(
        "ARXIV_LISTING_URL", flag: "arxiv-listing-url", default: "https://rss.arxiv.org", group: .harvest,
        "The host of arXiv's RSS listings (/rss/CATS is added).")
    public static let arxivInterval = Setting(
        "ARXIV_INTERVAL", flag: "arxiv-interval", default: "3", group: .harvest,
        "Seconds between two requests to arXiv, across every instance on the database (arXiv asks for 3)."
    )
    public static let harvestTimeout = Setting(
        "HARVEST_TIMEOUT", flag: "harvest-timeout", default: "60", group: .harvest,
        "Seconds a harvest request may wait for an answer before it is retried."
    )
    public static let arxivCalendar = Setting(
        "ARXIV_CALENDAR", flag: "arxiv-calendar", shown: "the built-in list", group: .harvest,
        "A file of arXiv's holidays (YYYY-MM-DD name per line, as Sources/DailyPapersApp/Resources/arxiv-holidays.txt) that replaces the built-in list."
    )
    public static let hubURL = Setting(
        "HF_URL", flag: "hf-url", default: "https://huggingface.co", group: .harvest,
        "The Hugging Face site whose daily list is mirrored (/api/daily_papers?date=).")
    public static let hubFrom = Setting(
        "HF_SYNC_FROM", flag: "hf-sync-from", shown: "today", group: .harvest, "The first day (YYYY-MM-DD) a first Hugging Face sync mirrors.")

    public static let all: [Setting] = [
        configFile, database,
        host, port, publicURL, trustedProxies, idleTimeout, headerTimeout, requestTimeout, maxConnections, maxConnectionsPerClient, cacheBytes,
        logLevel, clockStart,
        rateLimits, bcryptCost, submissionsPerDay, forYouDays, forYouWeights, arxivAPIURL, password,
        smtpURL, mailFrom, unsubscribeMailbox, digestTime, mailPerAddress, mailPerMember, mailPerHour, mailRetentionDays,
        model, embeddingThreads, embeddingPrecision, backgroundNice, exactSearchLimit, searchWorkers, searchQueue,
        harvest, arxivCategories, arxivBackfillFrom, arxivContact, featureNew, arxivOAIURL, arxivListingURL, arxivInterval, harvestTimeout,
        arxivCalendar,
        hubURL, hubFrom,
    ]

    /// The setting a flag (without dashes) names.
    public static func named(flag: String) -> Setting? {
        all.first { $0.flag == flag }
    }

    /// The setting an environment or file name names.
    public static func named(_ name: String) -> Setting? {
        all.first { $0.name == name }
    }
}
