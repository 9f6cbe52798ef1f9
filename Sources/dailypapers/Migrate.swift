import ArgumentParser
import Storage

/// `dailypapers migrate`: creates the database or brings its schema up to date.
struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Create the database or apply pending schema migrations.")

    @OptionGroup var databaseOptions: DatabaseOptions

    @Flag(help: "List pending migrations without applying them.")
    var dryRun = false

    func run() async throws {
        let path = try databaseOptions.sqlitePath()
        let database = try databaseOptions.open()
        let migrator = Migrator(database: database)
        let pending = try await migrator.pending()
        if dryRun {
            print(pending.isEmpty ? "\(path): up to date" : pending.map { "pending: \($0.version) \($0.name)" }.joined(separator: "\n"))
            return
        }
        for migration in try await migrator.migrate() { print("applied \(migration.version): \(migration.name)") }
        print("\(path): schema at version \(try await migrator.appliedVersions().last ?? 0)")
    }
}
