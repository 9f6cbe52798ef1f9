import PapersCore

/// How a member is read from a row of `users` (aliased `u`), for every store that joins it.
enum UserRow {
    static let columns = "u.id, u.username, u.email, u.role, u.email_verified_at, u.banned_at, u.created_at"

    static func user(_ row: SQLRow) throws -> User {
        User(
            id: row.optionalInt64("id") ?? 0,
            username: try row.string("username"),
            email: try row.string("email"),
            role: UserRole(rawValue: row.optionalString("role") ?? "") ?? .user,
            emailVerified: row.optionalInt64("email_verified_at") != nil,
            banned: row.optionalInt64("banned_at") != nil,
            createdAt: Timestamp(millisecondsSinceEpoch: row.optionalInt64("created_at") ?? 0)
        )
    }
}
