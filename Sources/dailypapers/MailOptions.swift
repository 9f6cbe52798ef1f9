import ArgumentParser
import DailyPapersApp

/// The mail settings of `digest`, as flags over the configuration.
struct MailOptions: ParsableArguments {
    @Option(help: Settings.smtpURL.argumentHelp)
    var smtpURL: String?

    @Option(help: Settings.mailFrom.argumentHelp)
    var mailFrom: String?

    @Option(help: Settings.publicURL.argumentHelp)
    var publicURL: String?

    @Option(help: Settings.unsubscribeMailbox.argumentHelp)
    var unsubscribeMailbox: String?

    /// The flags given, by setting name.
    var flags: [String: String] {
        let pairs: [(Setting, String?)] = [
            (Settings.smtpURL, smtpURL), (Settings.mailFrom, mailFrom), (Settings.publicURL, publicURL),
            (Settings.unsubscribeMailbox, unsubscribeMailbox),
        ]
        return Dictionary(uniqueKeysWithValues: pairs.compactMap { setting, value in value.map { (setting.name, $0) } })
    }
}
