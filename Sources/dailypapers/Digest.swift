import ArgumentParser
import DailyPapersApp
import ForYou
import Foundation
import Logging
import Mail
import PapersCore
import Search
import Storage

/// `dailypapers digest`: compose and send the e-mail digests.
struct Digest: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compose and send the e-mail digests.",
        subcommands: [Send.self]
    )

    /// `dailypapers digest send`.
    struct Send: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Compose the editions due on a day into the outbox, then send the outbox.",
            discussion: """
                The daily edition goes out on weekdays with new papers; the weekly edition on Fridays, for that ISO week. \
                Composing is idempotent (one message per subscriber and edition), so running it again after a crash or \
                a kill only sends what was not sent yet; the one message in flight at a crash may arrive twice.
                """
        )

        @OptionGroup var databaseOptions: DatabaseOptions
        @OptionGroup var mailOptions: MailOptions
        @OptionGroup var modelOptions: ModelOptions

        @Option(help: "The day whose editions to send (YYYY-MM-DD). Default: today (UTC).")
        var date: String?

        @Flag(help: "Show what would be composed and sent, and change nothing.")
        var dryRun = false

        @Option(help: "Send at most this many messages now (the rest stay queued).")
        var limit: Int?

        func validate() throws {
            if let date, Day(iso: date) == nil { throw ValidationError("--date '\(date)' is not a YYYY-MM-DD date") }
            if let limit, limit < 1 { throw ValidationError("--limit must be at least 1") }
        }

        func run() async throws {
            try await databaseOptions.withMigrated { try await self.run(database: $0) }
        }

        /// The papers' meanings when the model is installed (topics and "For you" rank by them); otherwise topics match
        /// by their words and personal digests by follows, as the note says.
        private func semanticIndex(_ database: any SQLDatabase, _ builder: ApplicationBuilder) async throws -> SemanticIndex? {
            guard case .success(let embedder) = try modelOptions.load() else {
                Terminal.error("note: the embedding model is not installed, so topics match by their words only")
                return nil
            }
            return try await builder.semanticIndex(embedder, on: database)
        }

        func run(database: any SQLDatabase) async throws {
            let builder = try ApplicationBuilder.command(flags: databaseOptions.flags.merging(mailOptions.flags) { given, _ in given })
            let clock = builder.siteClock()
            let day = date.flatMap { Day(iso: $0) } ?? clock().day
            let index = try await semanticIndex(database, builder)
            let (setup, publisher, sender) = try await builder.digestPipeline(on: database, meaning: index.map(SemanticSetup.topicMeaning))
            guard setup.isEnabled || dryRun else { throw CommandFailure("Mail is off: set SMTP_URL (or --smtp-url) to send digests") }
            let editions = try await publisher.editions(dueOn: day)
            if editions.isEmpty { print("No edition is due on \(day) (no arXiv mailing that day, or no papers featured).") }
            for edition in editions {
                let bar = ProgressBar(label: "composing \(edition.key)")
                let started = ContinuousClock.now
                let summary = try await publisher.compose(edition, now: clock(), dryRun: dryRun) {
                    bar.update($0.subscribers, max($0.subscribers, 1))
                }
                let seconds = (ContinuousClock.now - started).seconds
                bar.finish()
                let verb = dryRun ? "would queue" : "queued"
                print(
                    "\(edition.key): \(edition.papers.count) papers; \(summary.subscribers) subscribers: \(verb) \(summary.queued), already queued \(summary.alreadyQueued), no matching papers \(summary.noMatchingPapers)"
                )
                print(
                    "  composed in \(String(format: "%.2f", seconds)) s (\(Int(Double(summary.subscribers) / max(seconds, 0.000_001))) subscribers/s)"
                )
            }
            guard !dryRun else { return }
            try await composePersonal(day, builder: builder, database: database, index: index, composer: setup.composer)
            guard let sender else { return }
            let mailStore = SQLMailStore(database: database)
            let bar = ProgressBar(label: "sending")
            let pending = try await mailStore.outboxCounts()["pending"] ?? 0
            let result: OutboxSender.Summary
            let sendStarted = ContinuousClock.now
            do {
                result = try await sender.drain(limit: limit) { bar.update($0.sent + $0.deferred + $0.failed, max(pending, 1)) }
            } catch let error as OutboxSender.ServerUnavailable {
                bar.finish()
                throw CommandFailure(error.description)
            }
            bar.finish()
            if result.otherSenderActive {
                print("Another process (a server instance or another digest run) is sending the outbox now; it sends these messages too.")
                return
            }
            let sendSeconds = (ContinuousClock.now - sendStarted).seconds
            print("Sent \(result.sent), deferred \(result.deferred) (retried later), failed \(result.failed).")
            print("  sent in \(String(format: "%.2f", sendSeconds)) s (\(Int(Double(result.sent) / max(sendSeconds, 0.000_001))) messages/s)")
        }

        /// The personal digests due on `day`, after the general editions (as `serve` composes them).
        private func composePersonal(
            _ day: Day, builder: ApplicationBuilder, database: any SQLDatabase, index: SemanticIndex?, composer: DigestComposer
        ) async throws {
            let forYou = builder.forYouService(on: database, meaning: index)
            let started = ContinuousClock.now
            let summary = try await builder.personalDigests(on: database, forYou: forYou, composer: composer).compose(
                dueOn: day, now: builder.siteClock()())
            guard summary.members > 0 else { return }
            let seconds = (ContinuousClock.now - started).seconds
            print(
                "personal digests: \(summary.members) members: queued \(summary.queued), already queued \(summary.alreadyQueued), nothing new \(summary.nothingToSend)"
            )
            print("  composed in \(String(format: "%.2f", seconds)) s (\(Int(Double(summary.members) / max(seconds, 0.000_001))) members/s)")
        }
    }
}

/// `dailypapers subscribers`: manage the subscriber list.
struct Subscribers: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Manage digest subscribers.", subcommands: [ImportList.self])

    /// `dailypapers subscribers import FILE`: adds already-confirmed subscribers, e.g. when moving a list.
    struct ImportList: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Add confirmed subscribers from JSON Lines: {\"email\": …, \"frequency\": \"daily\"|\"weekly\", \"topics\": [\"…\"]}.",
            discussion: "Only for addresses that already agreed to receive the digest elsewhere. Existing addresses are left as they are."
        )

        @OptionGroup var databaseOptions: DatabaseOptions

        @Argument(help: "The JSON Lines file.")
        var file: String

        struct Entry: Decodable {
            let email: String
            let frequency: String?
            let topics: [String]?
        }

        func run() async throws {
            try await databaseOptions.withMigrated { try await self.run(database: $0) }
        }

        func run(database: any SQLDatabase) async throws {
            guard let data = FileManager.default.contents(atPath: file) else { throw CommandFailure("cannot read \(file)") }
            var entries: [(email: String, frequency: Subscriber.Frequency, topics: [String])] = []
            var rejected = 0
            for (number, line) in String(decoding: data, as: UTF8.self).split(separator: "\n").enumerated() {
                do {
                    let entry = try JSONDecoder().decode(Entry.self, from: Data(line.utf8))
                    let address = try EmailAddress(entry.email)
                    guard let frequency = Subscriber.Frequency(rawValue: entry.frequency ?? "daily") else {
                        throw CommandFailure("frequency must be daily or weekly")
                    }
                    entries.append((address.value, frequency, try Topics.validate(entry.topics ?? [])))
                } catch {
                    rejected += 1
                    Terminal.error("\(file):line \(number + 1): \(error)")
                }
            }
            let added = try await SQLMailStore(database: database).importConfirmed(entries, at: try databaseOptions.siteClock()())
            print("Added \(added) subscribers, \(entries.count - added) already present, \(rejected) rejected.")
        }
    }
}
