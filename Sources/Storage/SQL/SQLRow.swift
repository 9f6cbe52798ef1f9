/// One result row: values addressed by column name, decoded into Swift types with precise errors.
public struct SQLRow: Sendable {
    let columns: SQLColumns
    let values: [SQLValue]

    init(columns: SQLColumns, values: [SQLValue]) {
        self.columns = columns
        self.values = values
    }

    /// The result's column names, in order.
    public var columnNames: [String] { columns.names }

    /// The raw value of a column; `.null` for a column the row does not have.
    public subscript(_ column: String) -> SQLValue {
        guard let index = columns.index[column] else { return .null }
        return values[index]
    }

    public func string(_ column: String) throws -> String {
        guard let value = optionalString(column) else { throw SQLError.decoding(column: column, expected: "text") }
        return value
    }

    public func optionalString(_ column: String) -> String? {
        switch self[column] {
            case .text(let text): return text
            case .integer(let number): return String(number)
            case .real(let number): return String(number)
            case .blob(let bytes): return String(decoding: bytes, as: UTF8.self)
            case .null: return nil
        }
    }

    public func int(_ column: String) throws -> Int {
        guard let value = optionalInt(column) else { throw SQLError.decoding(column: column, expected: "integer") }
        return value
    }

    public func optionalInt(_ column: String) -> Int? {
        switch self[column] {
            case .integer(let number): return Int(number)
            case .real(let number): return Int(number)
            case .text(let text): return Int(text)
            default: return nil
        }
    }

    public func optionalDouble(_ column: String) -> Double? {
        switch self[column] {
            case .real(let number): return number
            case .integer(let number): return Double(number)
            case .text(let text): return Double(text)
            default: return nil
        }
    }

    public func optionalInt64(_ column: String) -> Int64? {
        switch self[column] {
            case .integer(let number): return number
            case .real(let number): return Int64(number)
            case .text(let text): return Int64(text)
            default: return nil
        }
    }
}

/// The column names of a result, shared by all its rows.
final class SQLColumns: Sendable {
    let names: [String]
    let index: [String: Int]

    init(names: [String]) {
        self.names = names
        var index: [String: Int] = [:]
        for (position, name) in names.enumerated() where index[name] == nil { index[name] = position }
        self.index = index
    }
}

/// What went wrong talking to the database.
public enum SQLError: Error, CustomStringConvertible, Equatable {
    case open(path: String, message: String)
    case prepare(sql: String, message: String)
    case step(sql: String, message: String, code: Int32)
    case decoding(column: String, expected: String)
    case constraint(message: String)
    case busy(message: String)
    /// The database cannot be reached now (server down, restarting, no free connection): worth retrying later.
    case unavailable(message: String)
    /// A deadlock or serialization failure: the transaction was rolled back and may simply be run again.
    case conflict(message: String)
    /// A statement ran past the configured statement timeout.
    case timeout(message: String)

    /// True for failures that pass by themselves (server restarting, pool exhausted, lock timeouts): worth a retry later.
    public var isTemporary: Bool {
        switch self {
            case .unavailable, .busy, .timeout, .conflict: return true
            default: return false
        }
    }

    public var description: String {
        switch self {
            case .open(let path, let message): return "cannot open database \(path): \(message)"
            case .prepare(let sql, let message): return "cannot prepare SQL (\(message)): \(sql)"
            case .step(let sql, let message, let code): return "SQL failed (\(code): \(message)): \(sql)"
            case .decoding(let column, let expected): return "column \(column) is not \(expected)"
            case .constraint(let message): return "constraint violated: \(message)"
            case .busy(let message): return "database busy: \(message)"
            case .unavailable(let message): return "database unavailable: \(message)"
            case .conflict(let message): return "transaction conflict: \(message)"
            case .timeout(let message): return "database timeout: \(message)"
        }
    }
}
