import Foundation

/// The settings written out for people: the README's table, `.env.example`, the flags of `serve --help`, and the
/// effective configuration `dailypapers config` prints. All of it comes from `Settings.all`.
public enum SettingsDocumentation {
    /// The README's settings table, one section per group.
    public static func markdown() -> String {
        Setting.Group.allCases.map { group in
            let rows = Settings.all.filter { $0.group == group }.map { setting in
                "| `\(setting.name)` | \(setting.flag.map { "`--\($0)`" } ?? "—") | \(setting.defaultValue?.isEmpty == false || setting.defaultText != nil ? "`\(cell(setting.documentedDefault))`" : setting.documentedDefault) | \(cell(setting.help)) |"
            }
            return (["### \(group.rawValue)", "", "| Environment | Flag | Default | What it does |", "|---|---|---|---|"] + rows).joined(
                separator: "\n")
        }.joined(separator: "\n\n") + "\n"
    }

    /// `.env.example`: every setting, commented out at its default, under its documentation.
    public static func envExample() -> String {
        let header = """
            # DailyPapers settings. Copy to .env (or any name), uncomment what you change, and start with
            # `dailypapers serve --config .env` or DAILYPAPERS_CONFIG=.env. Flags and environment variables override it.
            # Made by `dailypapers config --env-example`; a test fails when it and the settings drift apart.
            """
        let sections = Setting.Group.allCases.map { group in
            let entries = Settings.all.filter { $0.group == group && $0 != Settings.configFile }.map { setting in
                "# \(setting.help)\n#\(setting.name)=\(setting.defaultValue ?? "")"
            }
            return (["", "## \(group.rawValue)"] + entries).joined(separator: "\n")
        }
        return header + "\n" + sections.joined(separator: "\n") + "\n"
    }

    /// The flags of `serve`, for its help.
    public static func flags() -> String {
        Settings.all.compactMap { setting in
            setting.flag.map { "--\($0) VALUE (\(setting.name), default \(setting.documentedDefault)): \(setting.help)" }
        }.joined(separator: "\n\n")
    }

    /// Each setting's effective value and where it came from, secrets redacted.
    public static func effective(_ configuration: AppConfiguration, layers: ConfigurationLayers) -> String {
        Settings.all.map { setting in
            guard let (text, source) = layers.raw(setting) else {
                if setting == Settings.publicURL { return "\(setting.name)=\(configuration.publicURL)  # default (http://HOST:PORT)" }
                return "\(setting.name) (unset\(setting.defaultText.map { ": " + $0 } ?? ""))"
            }
            let shown = source == .defaultValue && text.isEmpty ? setting.defaultText ?? text : text
            return "\(setting.name)=\(setting.isSecret ? redact(shown, url: setting != Settings.password) : shown)  # \(source)"
        }.joined(separator: "\n") + "\n"
    }

    /// A secret as `config` prints it: a URL keeps all but its password; a secret that is not a URL is hidden.
    static func redact(_ text: String, url: Bool) -> String {
        guard !text.isEmpty else { return text }
        guard url else { return "***" }
        guard let scheme = text.range(of: "://") else { return text }
        let rest = text[scheme.upperBound...]
        guard let at = rest.firstIndex(of: "@") else { return text }
        let userInfo = rest[..<at]
        let user = userInfo.split(separator: ":", maxSplits: 1).first.map(String.init) ?? ""
        let masked = userInfo.contains(":") ? user + ":***" : user
        return String(text[..<scheme.upperBound]) + masked + String(rest[at...])
    }

    private static func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|")
    }
}
