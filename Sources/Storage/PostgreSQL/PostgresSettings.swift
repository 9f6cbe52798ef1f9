import Foundation

/// Where a PostgreSQL database is and how the pool talks to it, parsed from a `postgres://` URL.
public struct PostgresSettings: Sendable, Equatable {
    public var host: String
    public var port: Int
    public var username: String
    public var password: String?
    public var database: String
    /// A schema to use instead of `public` (tests give each case its own).
    public var schema: String?
    /// The most connections one process opens.
    public var maximumConnections = 10
    /// How long a request waits for a free connection before it is answered with 503.
    public var acquireTimeout = Duration.seconds(3)
    /// How long opening a connection may take.
    public var connectTimeout = Duration.seconds(5)
    /// The server-side limit on one statement (`statement_timeout`); nil for none.
    public var statementTimeout: Duration? = .seconds(30)

    public init(host: String, port: Int = 5432, username: String, password: String? = nil, database: String, schema: String? = nil) {
        self.host = host
        self.port = port
        self.username = username
        self.password = password
        self.database = database
        self.schema = schema
    }

    /// True for a `postgres://` or `postgresql://` URL.
    public static func isPostgresURL(_ text: String) -> Bool {
        text.hasPrefix("postgres://") || text.hasPrefix("postgresql://")
    }

    /// Parses `postgres://user[:password]@host[:port]/database[?schema=…&pool=…&acquire_timeout=…&connect_timeout=…&statement_timeout=…]`.
    /// Timeouts are in seconds; `statement_timeout=0` turns the limit off.
    public init(url text: String) throws {
        guard Self.isPostgresURL(text), let components = URLComponents(string: text) else {
            throw InvalidURL(url: text, reason: "it is not a postgres:// URL")
        }
        guard let host = components.host, !host.isEmpty else { throw InvalidURL(url: text, reason: "it names no host") }
        guard let user = components.user, !user.isEmpty else { throw InvalidURL(url: text, reason: "it names no user") }
        let database = String(components.path.drop { $0 == "/" })
        guard !database.isEmpty else { throw InvalidURL(url: text, reason: "it names no database (…/NAME)") }
        self.init(host: host, port: components.port ?? 5432, username: user, password: components.password, database: database)
        for item in components.queryItems ?? [] {
            try apply(name: item.name, value: item.value ?? "", url: text)
        }
    }

    private mutating func apply(name: String, value: String, url: String) throws {
        func seconds() throws -> Double {
            guard let number = Double(value), number >= 0, number < 86_400 else {
                throw InvalidURL(url: url, reason: "\(name)=\(value) is not a number of seconds")
            }
            return number
        }
        switch name {
            case "schema":
                guard value.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }), !value.isEmpty else {
                    throw InvalidURL(url: url, reason: "schema=\(value) must be letters, digits and _")
                }
                schema = value
            case "pool":
                guard let size = Int(value), (1...1_000).contains(size) else { throw InvalidURL(url: url, reason: "pool=\(value) is not 1…1000") }
                maximumConnections = size
            case "acquire_timeout": acquireTimeout = .milliseconds(Int(try seconds() * 1000))
            case "connect_timeout": connectTimeout = .milliseconds(Int(try seconds() * 1000))
            case "statement_timeout":
                let limit = try seconds()
                statementTimeout = limit == 0 ? nil : .milliseconds(Int(limit * 1000))
            case "sslmode" where value == "disable": break
            default:
                throw InvalidURL(
                    url: url,
                    reason: "unknown option \(name) (known: schema, pool, acquire_timeout, connect_timeout, statement_timeout, sslmode=disable)")
        }
    }

    /// The URL with the password masked, for logs.
    public var redacted: String {
        "postgres://\(username)\(password == nil ? "" : ":***")@\(host):\(port)/\(database)\(schema.map { "?schema=\($0)" } ?? "")"
    }

    /// A `DATABASE_URL` that is not a usable PostgreSQL URL.
    public struct InvalidURL: Error, CustomStringConvertible {
        public let url: String
        public let reason: String
        public var description: String { "Invalid PostgreSQL URL: \(reason)" }
    }
}

extension PostgresSettings: CustomStringConvertible, CustomDebugStringConvertible {
    /// The server as logs show it, with the password masked.
    public var description: String { redacted }

    public var debugDescription: String { redacted }
}
