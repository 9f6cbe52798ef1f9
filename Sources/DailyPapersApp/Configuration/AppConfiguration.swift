import Arxiv
import Embeddings
import ForYou
import Foundation
import Harvest
import Logging
import Mail
import PapersCore
import Web

/// The whole configuration of a DailyPapers instance, typed and validated: made once from the layers
/// (flags > environment > configuration file > defaults) and handed to the application builder.
public struct AppConfiguration: Sendable {
    public var database: DatabaseLocation
    public var server: ServerSettings
    /// The public address without a trailing slash; `http://HOST:PORT` unless `PUBLIC_URL` says otherwise.
    public var publicURL: String
    public var trustedProxies: Set<String>
    public var cacheBytes: Int
    public var logLevel: Logger.Level
    /// When the site's clock starts (staging, tests); nil runs on the real time.
    public var clockStart: Timestamp?
    public var rateLimits: RateLimits
    public var bcryptCost: Int
    public var submissionsPerDay: Int
    /// The days a For you list ranks, and its constants.
    public var forYouDays: Int
    public var forYouWeights: ForYouWeights
    public var arxivAPIURL: URL
    /// The SMTP server's URL; nil turns mail off.
    public var smtpURL: String?
    public var mailFrom: String
    public var unsubscribeMailbox: String?
    public var digestTime: String
    public var mailLimits: MailLimits
    public var mailRetentionDays: Int
    public var modelDirectory: String
    public var embeddingThreads: Int
    /// int8 dense layers where the CPU has VNNI, or f32 everywhere.
    public var embeddingPrecision: EncoderPrecision
    public var backgroundNice: Int
    public var exactSearchLimit: Int
    /// Threads that run searches, and searches that may wait for one.
    public var searchWorkers: Int
    public var searchQueue: Int
    /// Whether `serve` harvests by itself (`HARVEST=on`).
    public var harvesting: Bool
    public var harvest: HarvestSettings
    /// arXiv's announcement calendar, from the `ARXIV_CALENDAR` file.
    public var arxivCalendar: ArxivCalendar
    /// Where each setting's value came from, by name.
    public let sources: [String: SettingSource]

    /// The configuration of `layers`; throws every invalid setting at once.
    public init(_ layers: ConfigurationLayers) throws(ConfigurationError) {
        var read = SettingReader(layers)
        database = read.value(Settings.database, fallback: .sqlite(path: read.defaultText(Settings.database))) { try DatabaseLocation.parse($0) }
        server = Self.server(&read)
        publicURL = Self.publicURL(&read, server: server)
        trustedProxies = Set(
            (read.text(Settings.trustedProxies) ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
        cacheBytes = read.integer(Settings.cacheBytes, in: 1...Int.max)
        logLevel = read.value(Settings.logLevel, fallback: .info) { Logger.Level(rawValue: $0.lowercased()) }
        clockStart = read.value(Settings.clockStart, fallback: nil) { Timestamp(iso: $0).map(Optional.some) }
        rateLimits = Self.rateLimits(&read)
        bcryptCost = read.integer(Settings.bcryptCost, in: 4...16)
        submissionsPerDay = read.integer(Settings.submissionsPerDay, in: 1...Int.max)
        forYouDays = read.integer(Settings.forYouDays, in: 1...31)
        forYouWeights = read.value(Settings.forYouWeights, fallback: .standard) { text in
            guard !text.isEmpty else { return .standard }
            return try ForYouWeights(overriding: try JSONDecoder().decode([String: Double].self, from: Data(text.utf8)))
        }
        arxivAPIURL = read.webURL(Settings.arxivAPIURL) ?? SettingReader.refused
        smtpURL = read.value(Settings.smtpURL, fallback: nil) { text in
            _ = try SMTPSettings(url: text)
            return text
        }
        mailFrom = read.value(Settings.mailFrom, fallback: read.defaultText(Settings.mailFrom)) { text in
            _ = try MailSetup.mailbox(text)
            return text
        }
        unsubscribeMailbox = read.text(Settings.unsubscribeMailbox)
        mailLimits = MailLimits(
            perAddress: read.integer(Settings.mailPerAddress, in: 1...Int.max), perMember: read.integer(Settings.mailPerMember, in: 1...Int.max),
            total: read.integer(Settings.mailPerHour, in: 1...Int.max))
        mailRetentionDays = read.integer(Settings.mailRetentionDays, in: 1...36_500)
        digestTime = read.value(Settings.digestTime, fallback: read.defaultText(Settings.digestTime)) { text in
            _ = try MailService.minuteOfDay(text)
            return text
        }
        modelDirectory = read.text(Settings.model) ?? ""
        embeddingThreads =
            read.text(Settings.embeddingThreads) == nil
            ? min(64, ProcessInfo.processInfo.activeProcessorCount) : read.integer(Settings.embeddingThreads, in: 1...64)
        embeddingPrecision = read.value(Settings.embeddingPrecision, fallback: .automatic) { EncoderPrecision(rawValue: $0.lowercased()) }
        backgroundNice = read.integer(Settings.backgroundNice, in: 0...19)
        exactSearchLimit = read.integer(Settings.exactSearchLimit, in: 1...Int.max)
        searchWorkers =
            read.text(Settings.searchWorkers) == nil
            ? max(1, ProcessInfo.processInfo.activeProcessorCount - 1) : read.integer(Settings.searchWorkers, in: 1...64)
        searchQueue = read.integer(Settings.searchQueue, in: 0...10_000)
        harvesting = read.value(Settings.harvest, fallback: false) { ["on": true, "off": false][$0.lowercased()] }
        harvest = Self.harvest(&read)
        arxivCalendar = Self.calendar(&read)
        sources = read.sources
        if !read.problems.isEmpty { throw ConfigurationError(read.problems) }
    }

    /// The configuration of this process: `flags` over its environment over its configuration file.
    public static func load(
        flags: [String: String] = [:], environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(ConfigurationError) -> AppConfiguration {
        try AppConfiguration(ConfigurationLayers.load(flags: flags, environment: environment))
    }

    /// The limits the settings list gives, with those `RATE_LIMITS` names in their place.
    private static func rateLimits(_ read: inout SettingReader) -> RateLimits {
        do {
            let defaults = try RateLimits(parsing: Settings.defaultRateLimits)
            return read.value(Settings.rateLimits, fallback: defaults) { $0.isEmpty ? defaults : try RateLimits(parsing: $0, over: defaults) }
        } catch {
            // A constant of the settings list, parsed by ConfigurationTests: never reached.
            preconditionFailure("the settings list's RATE_LIMITS default is invalid: \(error)")
        }
    }

    private static func server(_ read: inout SettingReader) -> ServerSettings {
        ServerSettings(
            hostname: read.text(Settings.host) ?? read.defaultText(Settings.host),
            port: read.integer(Settings.port, in: 0...65_535),
            idleTimeout: .seconds(read.integer(Settings.idleTimeout, in: 1...Int.max)),
            headerTimeout: .seconds(read.integer(Settings.headerTimeout, in: 1...Int.max)),
            requestTimeout: .seconds(read.integer(Settings.requestTimeout, in: 1...Int.max)),
            maxConnections: read.integer(Settings.maxConnections, in: 1...Int.max),
            maxConnectionsPerClient: read.integer(Settings.maxConnectionsPerClient, in: 1...Int.max)
        )
    }

    private static func publicURL(_ read: inout SettingReader, server: ServerSettings) -> String {
        let url = read.webURL(Settings.publicURL)?.absoluteString ?? "http://\(server.hostname):\(server.port)"
        return url.hasSuffix("/") ? String(url.dropLast()) : url
    }
}
