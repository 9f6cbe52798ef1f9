/// An SQL statement whose values travel as bound parameters, never as text.
///
/// Build one with string interpolation: `"SELECT * FROM papers WHERE id = \(id)"` binds `id`;
/// `\(unsafeRaw: "…")` splices trusted SQL text such as an ORDER BY chosen from a fixed list.
public struct SQLQuery: Sendable, ExpressibleByStringInterpolation, CustomStringConvertible {
    enum Fragment: Sendable {
        case sql(String)
        case bind(SQLValue)
    }

    var fragments: [Fragment]

    public init(stringLiteral value: String) {
        fragments = [.sql(value)]
    }

    public init(stringInterpolation: StringInterpolation) {
        fragments = stringInterpolation.fragments
    }

    /// The values bound to the statement, in order.
    public var binds: [SQLValue] {
        fragments.compactMap { if case .bind(let value) = $0 { value } else { nil } }
    }

    /// The statement's text for a dialect, with its numbered placeholders (`?1` in SQLite, `$1` in PostgreSQL).
    public func sql(for dialect: SQLDialect) -> String {
        var text = ""
        var index = 0
        for fragment in fragments {
            switch fragment {
                case .sql(let sql): text += sql
                case .bind:
                    index += 1
                    text += dialect.placeholder(index)
            }
        }
        return text
    }

    /// The statement with SQLite placeholders, for logs and errors.
    public var description: String { sql(for: .sqlite) }

    /// Joins queries with a separator, e.g. conditions with " AND ".
    public static func joined(_ parts: [SQLQuery], separator: String) -> SQLQuery {
        var result = SQLQuery(stringLiteral: "")
        for (index, part) in parts.enumerated() {
            if index > 0 { result.fragments.append(.sql(separator)) }
            result.fragments += part.fragments
        }
        return result
    }

    /// The interpolation that turns values into binds.
    public struct StringInterpolation: StringInterpolationProtocol {
        var fragments: [Fragment] = []

        public init(literalCapacity: Int, interpolationCount: Int) {}

        public mutating func appendLiteral(_ literal: String) {
            fragments.append(.sql(literal))
        }

        /// Binds a value.
        public mutating func appendInterpolation(_ value: some SQLBindable) {
            fragments.append(.bind(value.sqlValue))
        }

        /// Binds a value that may be missing, as NULL.
        public mutating func appendInterpolation<Value: SQLBindable>(_ value: Value?) {
            fragments.append(.bind(value?.sqlValue ?? .null))
        }

        /// Binds each value of a list, comma-separated, for `IN (…)`.
        public mutating func appendInterpolation<Values: Collection>(list values: Values) where Values.Element: SQLBindable {
            for (index, value) in values.enumerated() {
                if index > 0 { fragments.append(.sql(", ")) }
                fragments.append(.bind(value.sqlValue))
            }
        }

        /// Splices another query with its binds.
        public mutating func appendInterpolation(_ query: SQLQuery) {
            fragments += query.fragments
        }

        /// Splices trusted SQL text. Never pass user input.
        public mutating func appendInterpolation(unsafeRaw sql: String) {
            fragments.append(.sql(sql))
        }
    }
}

/// The SQL engines DailyPapers runs on, and what differs between them at the statement level.
public enum SQLDialect: Sendable {
    case sqlite
    case postgres

    func placeholder(_ index: Int) -> String {
        switch self {
            case .sqlite: return "?\(index)"
            case .postgres: return "$\(index)"
        }
    }
}
