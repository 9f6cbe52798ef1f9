import ArgumentParser
import DailyPapersApp
import Hummingbird
import Storage

/// `dailypapers serve`: runs the web site and API until SIGTERM or SIGINT.
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Serve the web site and the JSON API.",
        discussion: """
            Applies pending migrations first. Stops gracefully on SIGTERM or SIGINT. Every setting is a flag, an \
            environment variable or a line of the configuration file (flag > environment > file > default); \
            `dailypapers config` prints the effective values.

            \(SettingsDocumentation.flags())
            """
    )

    @Argument(parsing: .allUnrecognized, help: ArgumentHelp("Settings, as --flag VALUE (listed below).", valueName: "settings"))
    var settings: [String] = []

    func run() async throws {
        let configuration = try AppConfiguration.load(flags: SettingFlags.parse(settings))
        let logger = AppLogger.make(level: configuration.logLevel)
        try await configuration.database.open(logger: logger) { database in
            try await Migrator(database: database.sql).migrate()
            let paperCount = try await SQLPaperStore(database: database.sql).count()
            logger.info("serving", metadata: ["database": "\(database.location.description)", "papers": "\(paperCount)"])
            let app = try await ApplicationBuilder(configuration: configuration, logger: logger).build(on: database)
            try await app.runService()
        }
    }
}
