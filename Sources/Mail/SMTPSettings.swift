import PapersCore

/// Where and how to send mail, read from an `SMTP_URL`-style string:
/// `smtp://[user:password@]host[:port]` (STARTTLS when offered), `smtp+starttls://…` (STARTTLS required),
/// `smtps://…` (implicit TLS, port 465). Query options: `ca=/path/to/ca.pem` trusts an extra certificate
/// authority, `timeout=30` sets the per-step timeout in seconds, `helo=name` the name sent in EHLO.
public struct SMTPSettings: Sendable, Equatable {
    /// How the connection is protected.
    public enum Security: Sendable, Equatable {
        /// Upgrade with STARTTLS when the server offers it.
        case opportunisticStartTLS
        /// Refuse to send unless STARTTLS succeeds.
        case requiredStartTLS
        /// TLS from the first byte.
        case implicitTLS
    }

    public var host: String
    public var port: Int
    public var security: Security
    public var username: String?
    public var password: String?
    public var caFile: String?
    public var timeoutSeconds: Int
    public var heloName: String

    /// Why an SMTP URL was refused.
    public struct Invalid: Error, CustomStringConvertible {
        public let description: String
    }

    private static func decoded(_ text: String) throws -> String {
        guard let value = TextEncoding.percentDecode(text) else { throw Invalid(description: "SMTP_URL has a malformed %-escape") }
        return value
    }

    public init(url: String) throws {
        let schemes: [(String, Security, Int)] = [
            ("smtp+starttls://", .requiredStartTLS, 587), ("smtps://", .implicitTLS, 465), ("smtp://", .opportunisticStartTLS, 25),
        ]
        guard let (prefix, security, defaultPort) = schemes.first(where: { url.hasPrefix($0.0) }) else {
            throw Invalid(description: "SMTP_URL must start with smtp://, smtp+starttls:// or smtps://")
        }
        var rest = Substring(url.dropFirst(prefix.count))
        var query = Substring("")
        if let mark = rest.firstIndex(of: "?") {
            query = rest[rest.index(after: mark)...]
            rest = rest[..<mark]
        }
        if rest.hasSuffix("/") { rest = rest.dropLast() }
        if let at = rest.lastIndex(of: "@") {
            let credentials = rest[..<at]
            rest = rest[rest.index(after: at)...]
            let pair = credentials.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
            username = try Self.decoded(String(pair[0]))
            password = pair.count > 1 ? try Self.decoded(String(pair[1])) : nil
        }
        let hostPort = rest.split(separator: ":", omittingEmptySubsequences: false)
        guard let hostPart = hostPort.first, !hostPart.isEmpty, hostPort.count <= 2 else {
            throw Invalid(description: "SMTP_URL has no host")
        }
        host = String(hostPart)
        if hostPort.count == 2 {
            guard let parsed = Int(hostPort[1]), (1...65_535).contains(parsed) else { throw Invalid(description: "SMTP_URL has an invalid port") }
            port = parsed
        } else {
            port = defaultPort
        }
        self.security = security
        timeoutSeconds = 30
        heloName = "dailypapers.localhost"
        for item in query.split(separator: "&") {
            let pair = item.split(separator: "=", maxSplits: 1).map(String.init)
            guard pair.count == 2 else { throw Invalid(description: "SMTP_URL option '\(item)' needs a value") }
            switch pair[0] {
                case "ca": caFile = try Self.decoded(pair[1])
                case "timeout":
                    guard let seconds = Int(pair[1]), seconds > 0 else {
                        throw Invalid(description: "SMTP_URL timeout must be a positive number of seconds")
                    }
                    timeoutSeconds = seconds
                case "helo": heloName = pair[1]
                default: throw Invalid(description: "SMTP_URL option '\(pair[0])' is unknown (known: ca, timeout, helo)")
            }
        }
    }
}

extension SMTPSettings: CustomStringConvertible, CustomDebugStringConvertible {
    /// The server as logs show it: never the password (ServiceLifecycle prints services at debug level).
    public var description: String {
        "SMTPSettings(\(security) \(username.map { "\($0):***@" } ?? "")\(host):\(port), timeout \(timeoutSeconds) s)"
    }

    public var debugDescription: String { description }
}
