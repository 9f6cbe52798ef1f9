import Foundation
import Harvest
import PapersCore

extension AppConfiguration {
    /// The harvest settings, each validated by name.
    static func harvest(_ read: inout SettingReader) -> HarvestSettings {
        let categories: [String] = read.value(Settings.arxivCategories, fallback: []) { text in
            let categories = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            guard !categories.isEmpty, categories.allSatisfy(ArxivCategory.isValid) else {
                throw SettingProblem("give arXiv categories such as cs.CL,cs.LG,stat.ML,hep-th, separated by commas")
            }
            return categories
        }
        let contact = read.value(Settings.arxivContact, fallback: "") { text in
            guard text.isEmpty || (text.contains("@") && !text.contains(where: { $0.isWhitespace || $0 == ")" || $0 == "(" })) else {
                throw SettingProblem("give an e-mail address, e.g. ops@example.org")
            }
            return text
        }
        return HarvestSettings(
            categories: categories, oaiURL: read.webURL(Settings.arxivOAIURL) ?? SettingReader.refused,
            listingURL: read.webURL(Settings.arxivListingURL) ?? SettingReader.refused,
            backfillFrom: read.value(Settings.arxivBackfillFrom, fallback: nil) { Day(iso: $0).map(Optional.some) }, contact: contact,
            featureMode: read.value(Settings.featureNew, fallback: .manual) { HarvestSettings.FeatureMode(rawValue: $0) },
            arxivInterval: .seconds(read.integer(Settings.arxivInterval, in: 0...3600)),
            hubURL: read.webURL(Settings.hubURL) ?? SettingReader.refused,
            hubFrom: read.value(Settings.hubFrom, fallback: nil) { Day(iso: $0).map(Optional.some) },
            timeout: .seconds(read.integer(Settings.harvestTimeout, in: 1...3600))
        )
    }

    /// arXiv's holidays: the built-in list, or the file `ARXIV_CALENDAR` names (a missing or broken file is a
    /// configuration error naming the line).
    static func calendar(_ read: inout SettingReader) -> ArxivCalendar {
        read.value(Settings.arxivCalendar, fallback: builtInCalendar) { path in
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { throw SettingProblem("cannot read \(path)") }
            do {
                return try ArxivCalendar(parsing: text)
            } catch {
                throw SettingProblem("\(path) \(error)")
            }
        }
    }
}

extension AppConfiguration {
    /// The holidays built into the binary.
    public static let builtInCalendar: ArxivCalendar = {
        (try? ArxivCalendar(parsing: String(decoding: PackageResources.arxiv_holidays_txt, as: UTF8.self))) ?? ArxivCalendar()
    }()
}

/// A setting's value is refused, for this reason.
struct SettingProblem: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
