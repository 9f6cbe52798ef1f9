import ArgumentParser
import DailyPapersApp

/// `dailypapers config`: the effective configuration, where each value came from, and the documentation made from it.
struct Config: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the effective configuration and where each value came from (secrets redacted).",
        discussion: "Takes the same settings as `serve`. Exits 1 and names every invalid setting when some are invalid."
    )

    @Flag(help: "Print the README's settings table instead.")
    var markdown = false

    @Flag(help: "Print .env.example instead.")
    var envExample = false

    @Argument(parsing: .allUnrecognized, help: ArgumentHelp("Settings, as for serve.", valueName: "settings"))
    var settings: [String] = []

    func run() async throws {
        if markdown { return print(SettingsDocumentation.markdown(), terminator: "") }
        if envExample { return print(SettingsDocumentation.envExample(), terminator: "") }
        let layers = try ConfigurationLayers.load(flags: SettingFlags.parse(settings))
        let configuration = try AppConfiguration(layers)
        print(SettingsDocumentation.effective(configuration, layers: layers), terminator: "")
    }
}
