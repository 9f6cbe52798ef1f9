import Arxiv
import Community
import DailyPapersApp
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Mail
import PapersCore
import Storage
import TestSupport
import Web

/// A test site with the community features as `serve` configures them, mail going to the outbox (read from it, never
/// sent), and submissions looked up at an arXiv endpoint of the test's own.
struct CommunitySite {
    let site: TestSite
    let features: CommunityFeatures
    let outbox: SQLMailStore
    /// The settings on top of the test site's, and how submissions reach arXiv.
    let environment: [String: String]
    let arxiv: ArxivClientSettings

    /// Generous limits but for `bucket`, which allows `limits` (anonymous, per member or target), as `RATE_LIMITS`.
    static func limits(_ bucket: RateLimits.Bucket, _ limits: (Int, Int)) -> String {
        TestSite.generousLimits + ",\(bucket.rawValue)=\(limits.0)/\(limits.1)"
    }

    init(
        papers: [Paper] = WebFixtures.papers, arxiv: URL = URL(string: "http://127.0.0.1:9/api/query")!,
        limits: String = TestSite.generousLimits, mail: Bool = true
    ) async throws {
        site = try await TestSite(papers: papers)
        outbox = SQLMailStore(database: site.temporary.database)
        var environment = ["RATE_LIMITS": limits, "SUBMISSIONS_PER_DAY": "3"]
        // Nothing listens there: the outbox keeps every mail for the tests to read, as no sender runs.
        if mail { environment.merge(["SMTP_URL": "smtp://127.0.0.1:9", "MAIL_FROM": "papers@dailypapers.test"]) { _, given in given } }
        self.environment = environment
        self.arxiv = ArxivClientSettings(endpoint: arxiv, minimumInterval: .zero, maxAttempts: 1, timeout: .seconds(5))
        features = try await site.parts(environment: environment, overrides: .init(arxiv: self.arxiv)).dependencies.community
    }

    /// The store behind the services, for setting up and checking what the tests need (the pages never use it).
    var store: CommunityStores { CommunityStores(database: site.temporary.database) }

    func run<T: Sendable>(
        now: Timestamp = TestSite.now, testing: TestingSetup = .router, _ body: @Sendable @escaping (any TestClientProtocol) async throws -> T
    ) async throws -> T {
        try await site.run(environment: environment, now: now, overrides: .init(arxiv: arxiv), testing: testing, body)
    }

    /// A member created directly (verified address), with the password "password-\(name)".
    @discardableResult
    func member(_ name: String, role: UserRole = .user) async throws -> User {
        try await features.accounts.createAccount(username: name, email: "\(name.lowercased())@example.org", password: "password-\(name)", role: role)
    }

    /// The secrets of the account links mailed to `recipient` of `kind`, oldest first.
    func mailedTokens(to recipient: String, kind: String) async throws -> [String] {
        let rows = try await site.temporary.database.query("SELECT message FROM outbox WHERE recipient = \(recipient) AND kind = \(kind) ORDER BY id")
        return try rows.map { row in
            let message = try row.string("message").replacingOccurrences(of: "=\r\n", with: "").replacingOccurrences(of: "=3D", with: "=")
            guard let range = message.range(of: #"token=[0-9a-f]{64}"#, options: .regularExpression) else { return "" }
            return String(message[range].dropFirst(6))
        }
    }
}

/// A browser on the test client: keeps cookies, reads CSRF tokens from pages, posts forms.
final class Browser: @unchecked Sendable {
    let client: any TestClientProtocol
    private(set) var cookies: [String: String] = [:]
    /// The CSRF token of the last page that carried one.
    private(set) var csrf: String?

    init(_ client: any TestClientProtocol) {
        self.client = client
    }

    @discardableResult
    func get(_ uri: String, headers: HTTPFields = [:]) async throws -> TestResponse {
        try await send(uri, method: .get, headers: headers, body: nil)
    }

    /// Posts a form with the current CSRF token (unless `csrf: false` or the fields name their own).
    @discardableResult
    func post(_ uri: String, _ fields: [String: String] = [:], csrf sendCSRF: Bool = true, headers: HTTPFields = [:]) async throws -> TestResponse {
        var fields = fields
        if sendCSRF, fields["csrf"] == nil, let csrf { fields["csrf"] = csrf }
        let body = fields.sorted { $0.key < $1.key }.map { "\(TextEncoding.percentEncode($0.key))=\(TextEncoding.percentEncode($0.value))" }.joined(
            separator: "&")
        var headers = headers
        headers[.contentType] = "application/x-www-form-urlencoded"
        return try await send(uri, method: .post, headers: headers, body: ByteBuffer(string: body))
    }

    /// Signs up through the form (fetching it first for its CSRF cookie).
    @discardableResult
    func signUp(_ username: String, email: String? = nil, password: String = "a-long-password") async throws -> TestResponse {
        try await get("/signup")
        return try await post("/signup", ["username": username, "email": email ?? "\(username.lowercased())@example.org", "password": password])
    }

    /// Logs in through the form, logging out first if the browser holds a session.
    @discardableResult
    func logIn(_ login: String, password: String) async throws -> TestResponse {
        if cookies["dp_session"] != nil {
            try await get("/")
            try await post("/logout")
        }
        try await get("/login")
        return try await post("/login", ["login": login, "password": password])
    }

    func setCookie(_ name: String, _ value: String) {
        cookies[name] = value
    }

    private func send(_ uri: String, method: HTTPRequest.Method, headers: HTTPFields, body: ByteBuffer?) async throws -> TestResponse {
        var headers = headers
        if !cookies.isEmpty { headers[.cookie] = cookies.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "; ") }
        let response = try await client.execute(uri: uri, method: method, headers: headers, body: body)
        for field in response.headers[values: .setCookie] {
            let pair = field.split(separator: ";")[0].split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = String(pair[0])
            let value = pair.count > 1 ? String(pair[1]) : ""
            if value.isEmpty || field.contains("Max-Age=0") { cookies[name] = nil } else { cookies[name] = value }
        }
        if let token = Self.csrfToken(in: response.text) { csrf = token }
        return response
    }

    static func csrfToken(in html: String) -> String? {
        guard let range = html.range(of: #"name="csrf" value="[0-9a-f]+""#, options: .regularExpression) else { return nil }
        return String(html[range].dropFirst(#"name="csrf" value=""#.count).dropLast())
    }
}
