import ArgumentParser

/// The `dailypapers` command: serve the site, manage the database, move papers in and out.
struct DailyPapers: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dailypapers",
        abstract: "DailyPapers: the papers the research community found worth reading, self-hosted.",
        subcommands: [
            Serve.self, Config.self, Migrate.self, Import.self, Export.self, HarvestCommand.self, SyncCommand.self, IngestCommand.self,
            SearchCommand.self, Embed.self, Copy.self, Backup.self, Digest.self, Subscribers.self, UserCommand.self,
        ]
    )
}
