import ArgumentParser
import Foundation
import Mail
import Storage

/// The mail settings `serve` and `digest` share; each flag falls back to its environment variable.
struct MailOptions: ParsableArguments {
    @Option(help: "The SMTP server: smtp://[user:pass@]host[:port] (STARTTLS when offered), smtp+starttls://… or smtps://…; ?ca=FILE trusts a CA. Environment: SMTP_URL. Without it mail is off.")
    var smtpURL: String?

    @Option(help: "The sender of every mail, 'Name <address>' or an address. Environment: MAIL_FROM. Default: DailyPapers <papers@dailypapers.localhost>")
    var mailFrom: String?

    @Option(help: "The site's public address, for links in feeds and mail. Environment: PUBLIC_URL. Default: http://HOST:PORT")
    var publicURL: String?

    @Option(help: "An address that handles List-Unsubscribe mailto requests, if you have one. Environment: MAIL_UNSUBSCRIBE")
    var unsubscribeMailbox: String?

    func setup(store: SQLMailStore, defaultSiteURL: String) async throws -> MailSetup {
        let environment = ProcessInfo.processInfo.environment
        do {
            return try await MailSetup(
                smtpURL: smtpURL ?? environment["SMTP_URL"].flatMap { $0.isEmpty ? nil : $0 },
                from: mailFrom ?? environment["MAIL_FROM"] ?? "DailyPapers <papers@dailypapers.localhost>",
                siteURL: publicURL ?? environment["PUBLIC_URL"] ?? defaultSiteURL,
                unsubscribeMailbox: unsubscribeMailbox ?? environment["MAIL_UNSUBSCRIBE"],
                store: store
            )
        } catch let error as SMTPSettings.Invalid {
            throw CommandFailure(error.description)
        } catch let problem as EmailAddress.Problem {
            throw CommandFailure("MAIL_FROM is not a valid address: \(problem)")
        }
    }
}
