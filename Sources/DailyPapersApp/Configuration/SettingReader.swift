import Foundation

/// Reads typed values out of the layers, collecting every problem instead of stopping at the first, so that start-up
/// reports all invalid settings together, each by name.
struct SettingReader {
    let layers: ConfigurationLayers
    private(set) var problems: [String] = []
    private(set) var sources: [String: SettingSource] = [:]

    init(_ layers: ConfigurationLayers) {
        self.layers = layers
    }

    /// The text of `setting`, nil when unset with no default; an empty environment value counts as unset.
    mutating func text(_ setting: Setting) -> String? {
        guard let (text, source) = layers.raw(setting) else { return nil }
        if text.isEmpty, source != .defaultValue, setting.defaultValue == nil { return nil }
        sources[setting.name] = source
        return text
    }

    /// The value `parse` makes of the text, or `fallback` (with the problem noted) when it cannot.
    mutating func value<T>(_ setting: Setting, fallback: T, _ parse: (String) throws -> T?) -> T {
        guard let text = text(setting) else { return fallback }
        // A secret's value is never echoed in full: the message goes to the terminal and the logs.
        let shown = setting.isSecret ? SettingsDocumentation.redact(text, url: setting != Settings.password) : text
        do {
            if let value = try parse(text) { return value }
            problems.append("\(setting.name): '\(shown)' is not valid. \(setting.help)")
        } catch {
            problems.append("\(setting.name): '\(shown)' — \(Self.redacting(text, as: shown, in: "\(error)"))")
        }
        return fallback
    }

    /// A whole number in `range`.
    mutating func integer(_ setting: Setting, in range: ClosedRange<Int>) -> Int {
        let fallback = Int(setting.defaultValue ?? "") ?? range.lowerBound
        guard let text = text(setting) else { return fallback }
        guard let value = Int(text.trimmingCharacters(in: .whitespaces)), range.contains(value) else {
            let bound = range.upperBound == Int.max ? "of at least \(range.lowerBound)" : "from \(range.lowerBound) to \(range.upperBound)"
            problems.append("\(setting.name): '\(text)' is not a whole number \(bound)")
            return fallback
        }
        return value
    }

    /// What a refused URL reads as while the other settings are checked: never used, since a configuration with a
    /// problem is refused whole.
    static let refused = URL(fileURLWithPath: "/")

    /// The setting's default from the settings list, for a value that was refused.
    func defaultText(_ setting: Setting) -> String {
        setting.defaultValue ?? ""
    }

    /// An http(s) URL with a host.
    mutating func webURL(_ setting: Setting) -> URL? {
        guard let text = text(setting) else { return nil }
        guard let url = URL(string: text), url.scheme == "http" || url.scheme == "https", url.host?.isEmpty == false else {
            problems.append("\(setting.name): '\(text)' is not an http(s) URL with a host")
            return nil
        }
        return url
    }

    /// `message` with every copy of `text` replaced by its redacted form.
    private static func redacting(_ text: String, as shown: String, in message: String) -> String {
        text == shown ? message : message.replacingOccurrences(of: text, with: shown)
    }
}
