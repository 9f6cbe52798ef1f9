import Arxiv
import Community
import ForYou
import Foundation
import Harvest
import Mail
import PapersCore
import ServiceLifecycle
import Storage
import Web

extension ApplicationBuilder {
    /// Subscriptions and mail; with `SMTP_URL` set, the mail service (digests, personal digests and the outbox)
    /// joins the services.
    func mailFeatures(
        _ database: OpenDatabase, meaning: TopicMeaning?, forYou: ForYouService, clock: @escaping @Sendable () -> Timestamp,
        services: inout [any Service]
    ) async throws -> MailFeatures {
        let mailStore = SQLMailStore(database: database.sql)
        let (setup, publisher, sender) = try await digestPipeline(on: database.sql, meaning: meaning)
        guard let smtp = setup.smtp, let sender else {
            logger.warning("mail is off: set SMTP_URL to send digests and confirmation mails; the subscribe page says so")
            return MailFeatures(setup: setup, store: mailStore, limits: configuration.mailLimits, sendNow: {})
        }
        let personal = personalDigests(on: database.sql, forYou: forYou, composer: setup.composer)
        let service = try MailService(
            publisher: publisher, sender: sender, store: mailStore, digestTime: configuration.digestTime,
            retentionDays: configuration.mailRetentionDays, clock: clock, logger: logger
        ) { [logger] day, now in
            let summary = try await personal.compose(dueOn: day, now: now)
            logger.info("personal digests composed", metadata: ["queued": "\(summary.queued)", "nothing_new": "\(summary.nothingToSend)"])
        }
        services.append(service)
        logger.info("mail is on", metadata: ["smtp": "\(smtp.host):\(smtp.port)", "digest_time_utc": "\(configuration.digestTime)"])
        return MailFeatures(setup: setup, store: mailStore, limits: configuration.mailLimits, sendNow: { service.wake() })
    }

    /// The sender, the SMTP server (nil: mail is off) and the composer of links, from the configuration.
    public static func mailSetup(_ configuration: AppConfiguration, store: SQLMailStore) async throws -> MailSetup {
        try await MailSetup(
            smtpURL: configuration.smtpURL, from: configuration.mailFrom, siteURL: configuration.publicURL,
            unsubscribeMailbox: configuration.unsubscribeMailbox, store: store
        )
    }

    /// Accounts, submissions, comments and moderation with the configured limits and password cost.
    func communityFeatures(
        papers: SQLPaperStore, database: any SQLDatabase, mail: MailFeatures, clock: @escaping @Sendable () -> Timestamp
    ) -> CommunityFeatures {
        let mailer =
            mail.setup.isEnabled
            ? AccountMailer(
                outbox: mail.store, mail: AccountMail(composer: mail.setup.composer), limits: configuration.mailLimits, sendNow: mail.sendNow)
            : nil
        return CommunityFeatures.assemble(
            papers: papers, database: database, hasher: PasswordHasher(cost: UInt8(configuration.bcryptCost)), mailer: mailer,
            // Submissions' look-ups count against arXiv's limit with the harvest's requests, on every instance.
            arxiv: overrides.arxiv.map { ArxivClient(settings: $0) }
                ?? ArxivClient(
                    settings: ArxivClientSettings(endpoint: configuration.arxivAPIURL, userAgent: configuration.harvest.userAgent),
                    pacer: SlotPacer(database: database, name: SlotPacer.arxiv, interval: configuration.harvest.arxivInterval)
                ),
            policy: SubmissionPolicy(dailyCapPerUser: configuration.submissionsPerDay), limits: configuration.rateLimits,
            secureCookies: configuration.publicURL.hasPrefix("https://"), clock: clock
        )
    }

    /// With `HARVEST=on`, the scheduled harvest of arXiv and Hugging Face joins the services (one step a minute).
    func harvestFeatures(_ database: OpenDatabase, clock: @escaping @Sendable () -> Timestamp, services: inout [any Service]) {
        guard configuration.harvesting else { return }
        let runner = harvestRunner(on: database.sql)
        let scheduler = HarvestScheduler(runner: runner, calendar: configuration.arxivCalendar, logger: logger, clock: clock)
        services.append(BackgroundService(every: .seconds(60)) { await scheduler.step() })
        logger.info(
            "harvest is on",
            metadata: [
                "categories": "\(configuration.harvest.categories.joined(separator: ","))",
                "feature_new": "\(configuration.harvest.featureMode.rawValue)",
            ])
    }
}
