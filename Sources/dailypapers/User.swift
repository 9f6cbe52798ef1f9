import ArgumentParser
import Community
import DailyPapersApp
import Foundation
import PapersCore
import Storage

/// `dailypapers user`: manage members from the command line (the first admin is made here).
struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user",
        abstract: "Create members and set their roles.",
        subcommands: [Create.self, SetRole.self]
    )

    /// `dailypapers user create`.
    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create a member with a confirmed address.",
            discussion:
                "The password is read from the environment variable DAILYPAPERS_PASSWORD, or from the first line of standard input, so it never appears in the process list."
        )

        @OptionGroup var databaseOptions: DatabaseOptions
        @Argument(help: "The username.") var username: String
        @Option(help: "The member's e-mail address.") var email: String
        @Flag(help: "Make the member an admin.") var admin = false
        @Flag(help: "Make the member a moderator.") var moderator = false
        @Option(help: Settings.bcryptCost.argumentHelp) var bcryptCost: String?

        func run() async throws {
            try await databaseOptions.withMigrated { try await self.run(database: $0) }
        }

        func run(database: any SQLDatabase) async throws {
            let password = try Self.readPassword()
            let cost = try AppConfiguration.load(flags: bcryptCost.map { [Settings.bcryptCost.name: $0] } ?? [:]).bcryptCost
            let accounts = AccountService(
                users: SQLUserStore(database: database), sessions: SQLSessionStore(database: database), hasher: PasswordHasher(cost: UInt8(cost)),
                mailer: nil, clock: try databaseOptions.siteClock())
            let role: UserRole = admin ? .admin : moderator ? .moderator : .user
            do {
                let user = try await accounts.createAccount(username: username, email: email, password: password, role: role)
                print("Created \(user.role.rawValue) \(user.username) <\(user.email)>.")
            } catch let error as CommunityError {
                throw CommandFailure(error.message)
            }
        }

        func validate() throws {
            if admin && moderator { throw ValidationError("Choose --admin or --moderator, not both") }
        }

        static func readPassword() throws -> String {
            if let password = try SettingFlags.text(Settings.password, flag: nil), !password.isEmpty { return password }
            guard let line = readLine(strippingNewline: true), !line.isEmpty else {
                throw CommandFailure("No password: set DAILYPAPERS_PASSWORD or write it on standard input")
            }
            return line
        }
    }

    /// `dailypapers user set-role`.
    struct SetRole: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "set-role", abstract: "Make a member a user, moderator or admin.")

        @OptionGroup var databaseOptions: DatabaseOptions
        @Argument(help: "The username.") var username: String
        @Argument(help: "user, moderator or admin.") var role: String

        func run() async throws {
            try await databaseOptions.withMigrated { try await self.run(database: $0) }
        }

        func run(database: any SQLDatabase) async throws {
            guard let newRole = UserRole(rawValue: role) else { throw ValidationError("The role is user, moderator or admin, not '\(role)'") }
            guard let user = try await SQLUserStore(database: database).user(named: username) else {
                throw CommandFailure("There is no member called \(username)")
            }
            try await SQLModerationStore(database: database).setRole(
                of: user, to: newRole, moderator: "(command line)", at: try databaseOptions.siteClock()())
            print("\(user.username) is now \(newRole.rawValue).")
        }
    }
}
