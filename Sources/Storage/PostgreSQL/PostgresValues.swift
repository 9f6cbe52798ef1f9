import Foundation
import NIOCore
import PostgresNIO

/// Converts between `SQLValue` and PostgreSQL's wire values.
enum PostgresValues {
    /// A bound value as PostgreSQL data: integers as int8, reals as float8, text as text, blobs as bytea.
    static func data(_ value: SQLValue) -> PostgresData {
        switch value {
            case .null: return .null
            case .integer(let number): return PostgresData(int64: number)
            case .real(let number): return PostgresData(double: number)
            case .text(let text): return PostgresData(string: text)
            case .blob(let bytes): return PostgresData(bytes: bytes)
        }
    }

    /// A result cell as an `SQLValue`, decoded by its column type.
    static func value(_ cell: PostgresCell) -> SQLValue {
        guard cell.bytes != nil else { return .null }
        switch cell.dataType {
            case .int2, .int4, .int8, .oid:
                return (try? cell.decode(Int64.self)).map(SQLValue.integer) ?? .null
            case .bool:
                return (try? cell.decode(Bool.self)).map { .integer($0 ? 1 : 0) } ?? .null
            case .float4, .float8:
                return (try? cell.decode(Double.self)).map(SQLValue.real) ?? .null
            case .numeric:
                guard let decimal = try? cell.decode(Decimal.self) else { return .null }
                let number = NSDecimalNumber(decimal: decimal)
                return decimal == Decimal(number.int64Value) ? .integer(number.int64Value) : .real(number.doubleValue)
            case .bytea:
                return (try? cell.decode(ByteBuffer.self)).map { SQLValue.blob(Array($0.readableBytesView)) } ?? .null
            default:
                return (try? cell.decode(String.self)).map(SQLValue.text) ?? .null
        }
    }
}

/// Maps PostgreSQL failures to `SQLError`: constraint violations, retryable conflicts, an unreachable server.
enum PostgresErrors {
    /// Any error from a PostgreSQL call; errors that are not PostgreSQL's pass through unchanged.
    static func translate(_ error: any Error, sql: String = "") -> any Error {
        switch error {
            case let error as PSQLError:
                guard error.code == .server, let state = error.serverInfo?[.sqlState] else {
                    return SQLError.unavailable(message: "PostgreSQL connection failed (\(error.code))")
                }
                return translate(state: state, message: error.serverInfo?[.message] ?? "\(error.code)", sql: sql)
            case let error as PostgresError:
                switch error {
                    case .server(let server):
                        return translate(state: server.fields[.sqlState] ?? "", message: server.fields[.message] ?? "\(error)", sql: sql)
                    case .connectionClosed: return SQLError.unavailable(message: "the PostgreSQL connection closed")
                    case .protocol(let message): return SQLError.unavailable(message: "PostgreSQL protocol error: \(message)")
                }
            case is IOError, is ChannelError:
                return SQLError.unavailable(message: "PostgreSQL connection failed (\(error))")
            default:
                return error
        }
    }

    static func translate(state: String, message: String, sql: String) -> SQLError {
        switch state {
            case _ where state.hasPrefix("23"): return .constraint(message: message)
            case "40001", "40P01": return .conflict(message: message)
            case _ where state.hasPrefix("08"), "57P01", "57P02", "57P03", "53300": return .unavailable(message: "PostgreSQL: \(message)")
            case "57014": return .timeout(message: "statement timed out or was cancelled: \(sql)")
            default: return .step(sql: sql, message: "\(state) \(message)", code: 0)
        }
    }
}
