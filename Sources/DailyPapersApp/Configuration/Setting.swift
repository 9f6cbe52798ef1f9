/// One setting of DailyPapers: its environment variable (also its name in a configuration file), its command-line
/// flag, its default and what it does. `Settings.all` lists every one; nothing reads a setting any other way.
public struct Setting: Sendable, Hashable {
    /// The environment variable and configuration-file name, e.g. `PORT`.
    public let name: String
    /// The long flag without its dashes, e.g. `port`; nil for a setting that must never appear in the process list.
    public let flag: String?
    /// The value when nothing sets it; nil when unset is a state of its own (mail off, the real clock).
    public let defaultValue: String?
    /// How the documentation shows a default that is worked out at start-up, e.g. `http://HOST:PORT`.
    public let defaultText: String?
    public let group: Group
    public let help: String
    /// Printed redacted by `dailypapers config` (passwords, credentials in URLs).
    public let isSecret: Bool

    /// The sections of the settings table.
    public enum Group: String, Sendable, CaseIterable {
        case database = "Database"
        case server = "Server"
        case community = "Community"
        case mail = "Mail"
        case search = "Search"
        case harvest = "Harvest"
    }

    init(
        _ name: String, flag: String?, default defaultValue: String? = nil, shown defaultText: String? = nil, group: Group, secret: Bool = false,
        _ help: String
    ) {
        self.name = name
        self.flag = flag
        self.defaultValue = defaultValue
        self.defaultText = defaultText
        self.group = group
        self.help = help
        self.isSecret = secret
    }

    /// The default as the documentation shows it.
    public var documentedDefault: String {
        defaultText ?? defaultValue.map { $0.isEmpty ? "(none)" : $0 } ?? "(unset)"
    }
}
