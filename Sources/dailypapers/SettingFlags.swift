import ArgumentParser
import DailyPapersApp

/// Command-line flags of settings: `--port 8080` or `--port=8080`, each flag one of `Settings.all`.
enum SettingFlags {
    /// The values the words give, by setting name; unknown flags and missing values are refused by name.
    static func parse(_ words: [String]) throws -> [String: String] {
        var values: [String: String] = [:]
        var index = 0
        while index < words.count {
            let word = words[index]
            guard word.hasPrefix("--") else { throw ValidationError("Unexpected argument '\(word)': settings are given as --flag VALUE") }
            let parts = word.dropFirst(2).split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let flag = String(parts[0])
            guard let setting = Settings.named(flag: flag) else {
                throw ValidationError(
                    "Unknown option '--\(flag)'. The settings are: \(Settings.all.compactMap { $0.flag.map { "--" + $0 } }.joined(separator: ", "))")
            }
            if parts.count == 2 {
                values[setting.name] = String(parts[1])
            } else {
                guard index + 1 < words.count else { throw ValidationError("--\(flag) needs a value") }
                index += 1
                values[setting.name] = words[index]
            }
            index += 1
        }
        return values
    }

    /// The text of `setting` for a command that reads only a few settings: its flag, the environment, the
    /// configuration file, the default.
    static func text(_ setting: Setting, flag: String?) throws -> String? {
        try ConfigurationLayers.load(flags: flag.map { [setting.name: $0] } ?? [:]).raw(setting)?.text
    }
}

extension Setting {
    /// The help of this setting's flag in an option group.
    var argumentHelp: ArgumentHelp {
        ArgumentHelp("\(help) Environment: \(name). Default: \(documentedDefault)")
    }
}
