import Foundation

/// Where a setting's value came from.
public enum SettingSource: Sendable, Equatable, CustomStringConvertible {
    case flag
    case environment
    case file(String)
    case defaultValue

    public var description: String {
        switch self {
            case .flag: "flag"
            case .environment: "environment"
            case .file(let path): "file \(path)"
            case .defaultValue: "default"
        }
    }
}

/// The text of every setting in its layers: flags over the environment over a configuration file over the defaults.
public struct ConfigurationLayers: Sendable {
    /// Flag values by setting name (`PORT`, not `--port`).
    public var flags: [String: String]
    public var environment: [String: String]
    /// The configuration file's values by setting name, and the file's path.
    public var file: [String: String]
    public var filePath: String?

    public init(flags: [String: String] = [:], environment: [String: String] = [:], file: [String: String] = [:], filePath: String? = nil) {
        self.flags = flags
        self.environment = environment
        self.file = file
        self.filePath = filePath
    }

    /// The layers of this process: `flags`, its environment, and the file `--config` or `DAILYPAPERS_CONFIG` names.
    public static func load(
        flags: [String: String] = [:], environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(ConfigurationError) -> ConfigurationLayers {
        var layers = ConfigurationLayers(flags: flags, environment: environment)
        guard let path = layers.raw(Settings.configFile)?.text, !path.isEmpty else { return layers }
        let text: String
        do { text = try String(contentsOfFile: path, encoding: .utf8) } catch {
            throw ConfigurationError(["\(Settings.configFile.name): cannot read '\(path)': \(error.localizedDescription)"])
        }
        layers.file = try ConfigurationFile.parse(text, path: path)
        layers.filePath = path
        return layers
    }

    /// The text for `setting` and its source, or nil when it is unset everywhere and has no default.
    public func raw(_ setting: Setting) -> (text: String, source: SettingSource)? {
        if let value = flags[setting.name] { return (value, .flag) }
        if let value = environment[setting.name] { return (value, .environment) }
        if let value = file[setting.name], setting != Settings.configFile { return (value, .file(filePath ?? "")) }
        return setting.defaultValue.map { ($0, .defaultValue) }
    }
}

/// Reads configuration files: `NAME=value` lines, `#` comments, blank lines, values optionally in double quotes.
enum ConfigurationFile {
    static func parse(_ text: String, path: String) throws(ConfigurationError) -> [String: String] {
        var values: [String: String] = [:]
        var problems: [String] = []
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            guard let equals = trimmed.firstIndex(of: "=") else {
                problems.append("\(path):\(number + 1): '\(trimmed)' is not a NAME=value line")
                continue
            }
            let name = trimmed[..<equals].trimmingCharacters(in: .whitespaces)
            var value = trimmed[trimmed.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") { value = String(value.dropFirst().dropLast()) }
            guard Settings.named(name) != nil, name != Settings.configFile.name else {
                problems.append("\(path):\(number + 1): \(name) is not a setting (see .env.example for the names)")
                continue
            }
            values[name] = value
        }
        if !problems.isEmpty { throw ConfigurationError(problems) }
        return values
    }
}

/// Every invalid setting found at once, each named.
public struct ConfigurationError: Error, Sendable, CustomStringConvertible {
    public let problems: [String]

    public init(_ problems: [String]) {
        self.problems = problems
    }

    public var description: String {
        "The configuration has \(problems.count == 1 ? "a problem" : "\(problems.count) problems"):\n"
            + problems.map { "  - " + $0 }.joined(separator: "\n")
    }
}
