extension Array {
    /// The elements in runs of at most `SQLQuery.maximumListLength`, for `IN (…)` lists that stay far under
    /// SQLite's limit of 32,766 bound parameters (PostgreSQL's is 65,535).
    func bindChunks() -> [ArraySlice<Element>] {
        stride(from: 0, to: count, by: SQLQuery.maximumListLength).map { self[$0..<Swift.min($0 + SQLQuery.maximumListLength, count)] }
    }
}

extension SQLQuery {
    /// The most values one `IN (…)` list binds in the stores.
    static let maximumListLength = 500
}
