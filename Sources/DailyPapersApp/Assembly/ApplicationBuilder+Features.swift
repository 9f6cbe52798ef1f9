import Arxiv
import Community
import Foundation
import Mail
import PapersCore
import ServiceLifecycle
import Storage
import Web

extension ApplicationBuilder {
    /// Subscriptions and mail; with `SMTP_URL` set, the mail service (digests and the outbox) joins the services.
    func mailFeatures(
        _ database: OpenDatabase, store: SQLPaperStore, meaning: TopicMeaning?, clock: @escaping @Sendable () -> Timestamp, services: inout [any Service]
    ) async throws -> MailFeatures {
        let mailStore = SQLMailStore(database: database.sql)
        let setup = try await Self.mailSetup(configuration, store: mailStore)
        guard let smtp = setup.smtp else {
            logger.warning("mail is off: set SMTP_URL to send digests and confirmation mails; the subscribe page says so")
            return MailFeatures(setup: setup, store: mailStore, sendNow: {})
        }
        let service = try MailService(
            publisher: DigestPublisher(papers: store, mail: mailStore, composer: setup.composer, meaning: meaning),
            sender: OutboxSender(store: mailStore, settings: smtp, envelopeSender: setup.sender.address, clock: clock, logger: logger),
            store: mailStore, digestTime: configuration.digestTime, clock: clock, logger: logger
        )
        services.append(service)
        logger.info("mail is on", metadata: ["smtp": "\(smtp.host):\(smtp.port)", "digest_time_utc": "\(configuration.digestTime)"])
        return MailFeatures(setup: setup, store: mailStore, sendNow: { service.wake() })
    }

    /// The sender, the SMTP server (nil: mail is off) and the composer of links, from the configuration.
    public static func mailSetup(_ configuration: AppConfiguration, store: SQLMailStore) async throws -> MailSetup {
        try await MailSetup(
            smtpURL: configuration.smtpURL, from: configuration.mailFrom, siteURL: configuration.publicURL,
            unsubscribeMailbox: configuration.unsubscribeMailbox, store: store
        )
    }

    /// Accounts, submissions, comments and moderation with the configured limits and password cost.
    func communityFeatures(papers: any PaperStore, database: any SQLDatabase, mail: MailFeatures, clock: @escaping @Sendable () -> Timestamp) -> CommunityFeatures {
        let mailer = mail.setup.isEnabled
            ? AccountMailer(outbox: mail.store, mail: AccountMail(composer: mail.setup.composer), sendNow: mail.sendNow)
            : nil
        return CommunityFeatures.assemble(
            papers: papers, database: database, hasher: PasswordHasher(cost: UInt8(configuration.bcryptCost)), mailer: mailer,
            arxiv: ArxivClient(settings: ArxivClientSettings(endpoint: configuration.arxivAPIURL)),
            policy: SubmissionPolicy(dailyCapPerUser: configuration.submissionsPerDay), limits: configuration.rateLimits,
            secureCookies: configuration.publicURL.hasPrefix("https://"), clock: clock
        )
    }
}
