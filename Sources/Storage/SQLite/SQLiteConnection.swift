import CSQLite

/// One open SQLite connection with a cache of prepared statements.
///
/// `@unchecked Sendable`: a connection is only ever used by the task that borrowed it from `SQLiteDatabase`'s pool.
final class SQLiteConnection: SQLConnection, @unchecked Sendable {
    var dialect: SQLDialect { .sqlite }
    private let handle: OpaquePointer
    private var statements: [String: OpaquePointer] = [:]
    private var columnCache: [String: SQLColumns] = [:]

    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    init(path: String, busyTimeoutMilliseconds: Int32 = 10_000) throws {
        var pointer: OpaquePointer?
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX
        let status = sqlite3_open_v2(path, &pointer, flags, nil)
        guard status == SQLITE_OK, let pointer else {
            let message = pointer.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
            sqlite3_close_v2(pointer)
            throw SQLError.open(path: path, message: message)
        }
        handle = pointer
        sqlite3_busy_timeout(handle, busyTimeoutMilliseconds)
        sqlite3_extended_result_codes(handle, 1)
        try run("PRAGMA journal_mode = WAL")
        try run("PRAGMA synchronous = NORMAL")
        try run("PRAGMA foreign_keys = ON")
    }

    deinit {
        for statement in statements.values { sqlite3_finalize(statement) }
        sqlite3_close_v2(handle)
    }

    func query(_ query: SQLQuery) async throws -> [SQLRow] {
        try rows(query)
    }

    @discardableResult
    func execute(_ query: SQLQuery) async throws -> Int {
        _ = try rows(query)
        return Int(sqlite3_changes(handle))
    }

    /// Runs a statement synchronously and collects its rows.
    func rows(_ query: SQLQuery) throws -> [SQLRow] {
        let sql = query.sql(for: .sqlite)
        let statement = try prepared(sql)
        defer {
            sqlite3_reset(statement)
            sqlite3_clear_bindings(statement)
        }
        try bind(query.binds, to: statement, sql: sql)
        let columns = columnNames(of: statement, sql: sql)
        var result: [SQLRow] = []
        while true {
            let status = sqlite3_step(statement)
            if status == SQLITE_DONE { break }
            guard status == SQLITE_ROW else { throw error(status, sql: sql) }
            var values: [SQLValue] = []
            values.reserveCapacity(columns.names.count)
            for column in 0..<Int32(columns.names.count) { values.append(value(statement, column)) }
            result.append(SQLRow(columns: columns, values: values))
        }
        return result
    }

    /// Runs one or more statements without binds, such as a migration script.
    func run(_ sql: String) throws {
        var message: UnsafeMutablePointer<CChar>?
        let status = sqlite3_exec(handle, sql, nil, nil, &message)
        guard status == SQLITE_OK else {
            let text = message.map { String(cString: $0) } ?? String(cString: sqlite3_errmsg(handle))
            sqlite3_free(message)
            throw SQLError.step(sql: sql, message: text, code: status)
        }
    }

    private func prepared(_ sql: String) throws -> OpaquePointer {
        if let cached = statements[sql] { return cached }
        var statement: OpaquePointer?
        let status = sqlite3_prepare_v3(handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil)
        guard status == SQLITE_OK, let statement else {
            throw SQLError.prepare(sql: sql, message: String(cString: sqlite3_errmsg(handle)))
        }
        statements[sql] = statement
        return statement
    }

    private func columnNames(of statement: OpaquePointer, sql: String) -> SQLColumns {
        if let cached = columnCache[sql] { return cached }
        let count = sqlite3_column_count(statement)
        let names = (0..<count).map { String(cString: sqlite3_column_name(statement, $0)) }
        let columns = SQLColumns(names: names)
        columnCache[sql] = columns
        return columns
    }

    private func bind(_ values: [SQLValue], to statement: OpaquePointer, sql: String) throws {
        for (offset, value) in values.enumerated() {
            let index = Int32(offset + 1)
            let status: Int32
            switch value {
                case .null: status = sqlite3_bind_null(statement, index)
                case .integer(let number): status = sqlite3_bind_int64(statement, index, number)
                case .real(let number): status = sqlite3_bind_double(statement, index, number)
                case .text(let text): status = sqlite3_bind_text(statement, index, text, -1, Self.transient)
                case .blob(let bytes):
                    status = bytes.withUnsafeBytes { sqlite3_bind_blob(statement, index, $0.baseAddress, Int32($0.count), Self.transient) }
            }
            guard status == SQLITE_OK else { throw error(status, sql: sql) }
        }
    }

    private func value(_ statement: OpaquePointer, _ column: Int32) -> SQLValue {
        switch sqlite3_column_type(statement, column) {
            case SQLITE_INTEGER: return .integer(sqlite3_column_int64(statement, column))
            case SQLITE_FLOAT: return .real(sqlite3_column_double(statement, column))
            case SQLITE_TEXT:
                guard let text = sqlite3_column_text(statement, column) else { return .null }
                let count = Int(sqlite3_column_bytes(statement, column))
                return .text(String(decoding: UnsafeBufferPointer(start: text, count: count), as: UTF8.self))
            case SQLITE_BLOB:
                let count = Int(sqlite3_column_bytes(statement, column))
                guard let bytes = sqlite3_column_blob(statement, column) else { return .blob([]) }
                return .blob(Array(UnsafeRawBufferPointer(start: bytes, count: count)))
            default: return .null
        }
    }

    private func error(_ status: Int32, sql: String) -> SQLError {
        let message = String(cString: sqlite3_errmsg(handle))
        switch status & 0xff {
            case SQLITE_CONSTRAINT: return .constraint(message: message)
            case SQLITE_BUSY, SQLITE_LOCKED: return .busy(message: message)
            default: return .step(sql: sql, message: message, code: status)
        }
    }
}
