/// What a member may do beyond voting, commenting and submitting.
public enum UserRole: String, Sendable, Codable, CaseIterable, Comparable {
    case user
    case moderator
    case admin

    /// Moderators and admins hide content and ban users.
    public var canModerate: Bool { self != .user }

    public static func < (lhs: UserRole, rhs: UserRole) -> Bool {
        allCases.firstIndex(of: lhs) ?? 0 < allCases.firstIndex(of: rhs) ?? 0
    }
}

/// A member of the community as the site shows and checks them.
public struct User: Sendable, Equatable, Codable {
    public var id: Int64
    public var username: String
    public var email: String
    public var role: UserRole
    public var emailVerified: Bool
    public var banned: Bool
    public var createdAt: Timestamp

    public init(
        id: Int64, username: String, email: String, role: UserRole = .user, emailVerified: Bool = false, banned: Bool = false, createdAt: Timestamp
    ) {
        self.id = id
        self.username = username
        self.email = email
        self.role = role
        self.emailVerified = emailVerified
        self.banned = banned
        self.createdAt = createdAt
    }
}
