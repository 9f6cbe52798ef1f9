import Arxiv
import ArgumentParser
import Community
import Foundation
import Mail
import PapersCore
import Storage
import Web

/// The community settings of `serve`: rate limits, password hashing cost, submission rules, the arXiv API.
struct CommunityOptions: ParsableArguments {
    @Option(help: "Request limits per 5 minutes, e.g. 'pages=300/600,api=500/1000,login=10,signup=5,submit=20,vote=300,comment=30' (ANON/MEMBER or one number). Environment: RATE_LIMITS.")
    var rateLimits: String?

    @Option(help: "bcrypt cost for new password hashes (4–16). Environment: BCRYPT_COST. Default: 12")
    var bcryptCost: Int?

    @Option(help: "Papers one member may submit per UTC day. Environment: SUBMISSIONS_PER_DAY. Default: 5")
    var submissionsPerDay: Int?

    @Option(help: "The arXiv API query endpoint. Environment: ARXIV_API_URL. Default: https://export.arxiv.org/api/query")
    var arxivAPIURL: String?

    func hasher() throws -> PasswordHasher {
        let cost = try bcryptCost ?? ProcessInfo.processInfo.environment["BCRYPT_COST"].map(Self.number) ?? 12
        guard (4...16).contains(cost) else { throw ValidationError("The bcrypt cost must be between 4 and 16, not \(cost)") }
        return PasswordHasher(cost: UInt8(cost))
    }

    func features(papers: any PaperStore, database: any SQLDatabase, mail: MailFeatures, siteURL: String,
                  clock: @escaping @Sendable () -> Timestamp) throws -> CommunityFeatures {
        let environment = ProcessInfo.processInfo.environment
        let limits: RateLimits
        do { limits = try RateLimits(parsing: rateLimits ?? environment["RATE_LIMITS"] ?? "") } catch { throw ValidationError("RATE_LIMITS: \(error)") }
        let perDay = try submissionsPerDay ?? environment["SUBMISSIONS_PER_DAY"].map(Self.number) ?? 5
        guard perDay > 0 else { throw ValidationError("SUBMISSIONS_PER_DAY must be at least 1") }
        let endpointText = arxivAPIURL ?? environment["ARXIV_API_URL"] ?? ArxivClientSettings.defaultEndpoint.absoluteString
        guard let endpoint = URL(string: endpointText), endpoint.scheme == "http" || endpoint.scheme == "https" else {
            throw ValidationError("ARXIV_API_URL '\(endpointText)' is not an http(s) URL")
        }
        let store = SQLCommunityStore(database: database)
        let mailer = mail.setup.isEnabled
            ? AccountMailer(outbox: mail.store, mail: AccountMail(composer: mail.setup.composer), sendNow: mail.sendNow)
            : nil
        return CommunityFeatures(
            accounts: AccountService(store: store, hasher: try hasher(), mailer: mailer, clock: clock),
            submissions: SubmissionService(
                papers: papers, community: store, arxiv: ArxivClient(settings: ArxivClientSettings(endpoint: endpoint)),
                policy: SubmissionPolicy(dailyCapPerUser: perDay), clock: clock
            ),
            comments: CommentService(store: store, clock: clock),
            store: store,
            limits: limits,
            secureCookies: siteURL.hasPrefix("https://")
        )
    }

    static func number(_ text: String) throws -> Int {
        guard let value = Int(text) else { throw ValidationError("'\(text)' is not a number") }
        return value
    }
}
