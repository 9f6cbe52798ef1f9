import Arxiv
import DailyPapersApp
import Foundation
import TestSupport
import Testing
import Web

/// The one configuration: its layers, its validation, its redaction, and the documents made from it.
@Suite struct ConfigurationTests {
    @Test func aFlagBeatsTheEnvironmentWhichBeatsTheFileWhichBeatsTheDefault() throws {
        let layers = ConfigurationLayers(
            flags: ["PORT": "9001"], environment: ["PORT": "9002", "HOST": "0.0.0.0"],
            file: ["PORT": "9003", "HOST": "10.0.0.1", "CACHE_BYTES": "1024"], filePath: "/etc/dailypapers.env"
        )
        let configuration = try AppConfiguration(layers)
        #expect(configuration.server.port == 9001)
        #expect(configuration.server.hostname == "0.0.0.0")
        #expect(configuration.cacheBytes == 1024)
        #expect(configuration.server.maxConnections == 2048)
        #expect(configuration.sources["PORT"] == .flag)
        #expect(configuration.sources["HOST"] == .environment)
        #expect(configuration.sources["CACHE_BYTES"] == .file("/etc/dailypapers.env"))
        #expect(configuration.sources["MAX_CONNECTIONS"] == .defaultValue)
        #expect(configuration.publicURL == "http://0.0.0.0:9001", "the public URL defaults to where the server listens")
    }

    @Test func everyInvalidSettingIsReportedTogetherByName() throws {
        let layers = ConfigurationLayers(environment: [
            "PORT": "eighty", "BCRYPT_COST": "3", "DIGEST_TIME": "25:00", "RATE_LIMITS": "pages=lots", "PUBLIC_URL": "javascript:alert(1)",
            "SMTP_URL": "ftp://mail", "LOG_LEVEL": "chatty", "DATABASE_URL": "mysql://db/x", "BACKGROUND_NICE": "20",
        ])
        let error = try #require(throws: ConfigurationError.self) { try AppConfiguration(layers) }
        let named = error.problems.map { String($0.prefix { $0 != ":" }) }
        #expect(
            Set(named) == [
                "PORT", "BCRYPT_COST", "DIGEST_TIME", "RATE_LIMITS", "PUBLIC_URL", "SMTP_URL", "LOG_LEVEL", "DATABASE_URL", "BACKGROUND_NICE",
            ])
        #expect(error.description.contains("9 problems"))
        #expect(error.problems.contains { $0.hasPrefix("BCRYPT_COST: '3' is not a whole number from 4 to 16") })
    }

    @Test func aConfigurationFileIsReadAndItsMistakesNamedWithTheirLines() throws {
        let file = try temporaryFile("# comment\n\nPORT=9100\nMAIL_FROM=\"Lab Papers <papers@lab.example>\"\n", name: "dailypapers.env")
        let layers = try ConfigurationLayers.load(flags: ["DAILYPAPERS_CONFIG": file], environment: [:])
        let configuration = try AppConfiguration(layers)
        #expect(configuration.server.port == 9100)
        #expect(configuration.mailFrom == "Lab Papers <papers@lab.example>")
        let broken = try temporaryFile("PORT=1\nthis is not a setting\nPROT=8080\n", name: "dailypapers.env")
        let error = try #require(throws: ConfigurationError.self) { try ConfigurationLayers.load(environment: ["DAILYPAPERS_CONFIG": broken]) }
        #expect(error.problems.count == 2)
        #expect(error.problems[0].hasSuffix(":2: 'this is not a setting' is not a NAME=value line"))
        #expect(error.problems[1].contains(":3: PROT is not a setting"))
        #expect(throws: ConfigurationError.self) { try ConfigurationLayers.load(environment: ["DAILYPAPERS_CONFIG": "/nonexistent/dailypapers.env"]) }
    }

    @Test func theEffectiveConfigurationHidesSecrets() throws {
        let layers = ConfigurationLayers(environment: [
            "DATABASE_URL": "postgres://papers:db-secret@db.example:5432/papers", "SMTP_URL": "smtp://mailer:smtp-secret@mail.example:587",
            "DAILYPAPERS_PASSWORD": "admin-secret",
        ])
        let text = SettingsDocumentation.effective(try AppConfiguration(layers), layers: layers)
        for secret in ["db-secret", "smtp-secret", "admin-secret"] { #expect(!text.contains(secret), "\(secret) is printed") }
        #expect(text.contains("DATABASE_URL=postgres://papers:***@db.example:5432/papers  # environment"))
        #expect(text.contains("SMTP_URL=smtp://mailer:***@mail.example:587  # environment"))
        #expect(text.contains("PORT=8080  # default"))
        #expect(text.contains("PUBLIC_URL=http://127.0.0.1:8080  # default (http://HOST:PORT)"))
        #expect(text.contains("RATE_LIMITS=pages=300/600,"))
    }

    @Test func anInvalidSecretIsNamedWithoutItsPassword() throws {
        let layers = ConfigurationLayers(environment: [
            "SMTP_URL": "smtp://bot:hunter2@mail.example:99999", "DATABASE_URL": "postgres://u:db-secret@/x",
        ])
        let error = try #require(throws: ConfigurationError.self) { try AppConfiguration(layers) }
        #expect(error.problems.count == 2)
        #expect(!error.description.contains("hunter2") && !error.description.contains("db-secret"), "\(error)")
        #expect(error.description.contains("smtp://bot:***@mail.example:99999"))
    }

    @Test func namesAndFlagsAreUniqueAndDefaultsMatchTheCode() throws {
        #expect(Set(Settings.all.map(\.name)).count == Settings.all.count)
        let flags = Settings.all.compactMap(\.flag)
        #expect(Set(flags).count == flags.count)
        let defaults = try AppConfiguration(ConfigurationLayers())
        // Every default lives in the settings list alone: the configuration reads it from there.
        #expect(defaults.cacheBytes == 64 << 20 && defaults.submissionsPerDay == 5 && defaults.bcryptCost == 12)
        #expect(defaults.arxivAPIURL.absoluteString == Settings.arxivAPIURL.defaultValue)
        #expect(defaults.harvest.categories == ["cs.AI", "cs.CL", "cs.CV", "cs.LG"] && defaults.harvest.arxivInterval == .seconds(3))
        let shown = RateLimits.Bucket.allCases.map { bucket -> String in
            let limit = defaults.rateLimits.limits[bucket] ?? (0, 0)
            return limit.anonymous == limit.member ? "\(bucket.rawValue)=\(limit.anonymous)" : "\(bucket.rawValue)=\(limit.anonymous)/\(limit.member)"
        }
        #expect(Settings.rateLimits.defaultText == shown.joined(separator: ","))
        let changed = try AppConfiguration(ConfigurationLayers(environment: ["RATE_LIMITS": "login=3"]))
        #expect(changed.rateLimits.limits[.login]?.anonymous == 3 && changed.rateLimits.limits[.pages]?.member == 600, "the others keep theirs")
    }

    @Test func theReadmeAndEnvExampleAreMadeFromTheSettings() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        let begin = "<!-- settings:begin (dailypapers config --markdown) -->\n", end = "<!-- settings:end -->"
        let start = try #require(readme.range(of: begin)), stop = try #require(readme.range(of: end))
        #expect(
            String(readme[start.upperBound..<stop.lowerBound]) == SettingsDocumentation.markdown(),
            "README settings drifted: paste `dailypapers config --markdown`")
        let example = try String(contentsOf: root.appendingPathComponent(".env.example"), encoding: .utf8)
        #expect(example == SettingsDocumentation.envExample(), ".env.example drifted: run `dailypapers config --env-example > .env.example`")
        let parsed = try ConfigurationLayers.load(environment: ["DAILYPAPERS_CONFIG": root.appendingPathComponent(".env.example").path])
        #expect(parsed.file.isEmpty, "every line of .env.example is commented out")
    }
}
