import ArgumentParser
import Storage

/// `dailypapers migrate`: creates the database or brings its schema up to date.
struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Create the database or apply pending schema migrations.")

    @OptionGroup var databaseOptions: DatabaseOptions

    @Flag(help: "List pending migrations without applying them.")
    var dryRun = false

    func run() async throws {
        try await databaseOptions.withDatabase { database in
            let name = database.location.description
            let migrator = Migrator(database: database.sql)
            let pending = try await migrator.pending()
            if dryRun {
                print(pending.isEmpty ? "\(name): up to date" : pending.map { "pending: \($0.version) \($0.name)" }.joined(separator: "\n"))
                return
            }
            for migration in try await migrator.migrate() { print("applied \(migration.version): \(migration.name)") }
            print("\(name): schema at version \(try await migrator.appliedVersions().last ?? 0)")
        }
    }
}
