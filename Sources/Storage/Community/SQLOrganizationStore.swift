import PapersCore

/// A member's role in an organization.
public enum OrganizationRole: String, Sendable, CaseIterable {
    /// Manages members and attributes papers.
    case admin
    /// Attributes papers.
    case member
}

/// Organizations, their members and the papers attributed to them, on any `SQLDatabase`.
///
/// Each method is one statement or one transaction, so nothing is ever half-written.
public struct SQLOrganizationStore: Sendable {
    let database: any SQLDatabase

    public init(database: any SQLDatabase) {
        self.database = database
    }
    /// Creates an organization with its creator as admin; a taken name is a conflict.
    public func createOrganization(_ organization: Organization, creatorId: Int64, at now: Timestamp) async throws {
        try await database.transaction { connection in
            let taken = try await connection.query("SELECT name FROM organizations WHERE lower(name) = \(organization.name.lowercased())")
            guard taken.isEmpty else { throw CommunityError.conflict("The organization name '\(organization.name)' is taken.") }
            _ = try await connection.execute(
                "INSERT INTO organizations (name, fullname, fullname_as_of) VALUES (\(organization.name), \(organization.fullname), \(now.day.description))"
            )
            _ = try await connection.execute(
                "INSERT INTO organization_members (organization, user_id, role) VALUES (\(organization.name), \(creatorId), 'admin')"
            )
        }
    }

    public func organization(named name: String) async throws -> Organization? {
        let row = try await database.query("SELECT name, fullname FROM organizations WHERE name = \(name)").first
        guard let row else { return nil }
        return Organization(name: try row.string("name"), fullname: try row.string("fullname"))
    }

    /// The members of an organization with their roles, admins first.
    public func members(of organization: String) async throws -> [(username: String, role: OrganizationRole)] {
        let rows = try await database.query(
            """
            SELECT u.username, m.role FROM organization_members m JOIN users u ON u.id = m.user_id
            WHERE m.organization = \(organization) ORDER BY m.role, u.username_key
            """
        )
        return try rows.map { (try $0.string("username"), OrganizationRole(rawValue: try $0.string("role")) ?? .member) }
    }

    /// The organizations `userId` belongs to, by name.
    public func organizations(of userId: Int64) async throws -> [Organization] {
        let rows = try await database.query(
            """
            SELECT o.name, o.fullname FROM organization_members m JOIN organizations o ON o.name = m.organization
            WHERE m.user_id = \(userId) ORDER BY o.name
            """)
        return try rows.map { Organization(name: try $0.string("name"), fullname: try $0.string("fullname")) }
    }

    public func membership(of userId: Int64, in organization: String) async throws -> OrganizationRole? {
        try await database.query("SELECT role FROM organization_members WHERE organization = \(organization) AND user_id = \(userId)")
            .first?.optionalString("role").flatMap(OrganizationRole.init(rawValue:))
    }

    /// Adds a member or changes their role; refused when it would leave the organization without an admin.
    public func setMember(_ userId: Int64, of organization: String, role: OrganizationRole) async throws {
        try await database.transaction { connection in
            _ = try await connection.execute(
                """
                INSERT INTO organization_members (organization, user_id, role) VALUES (\(organization), \(userId), \(role.rawValue))
                ON CONFLICT (organization, user_id) DO UPDATE SET role = excluded.role
                """
            )
            try await Self.requireAnAdmin(of: organization, connection)
        }
    }

    /// Removes a member; refused for the organization's last admin.
    public func removeMember(_ userId: Int64, from organization: String) async throws {
        try await database.transaction { connection in
            _ = try await connection.execute("DELETE FROM organization_members WHERE organization = \(organization) AND user_id = \(userId)")
            try await Self.requireAnAdmin(of: organization, connection)
        }
    }

    /// Throws (rolling the change back) when `organization` has no admin left.
    private static func requireAnAdmin(of organization: String, _ connection: any SQLConnection) async throws {
        let admins =
            try await connection.query(
                "SELECT COUNT(*) AS n FROM organization_members WHERE organization = \(organization) AND role = 'admin'"
            ).first?.int("n") ?? 0
        guard admins > 0 else {
            throw CommunityError.conflict("\(organization) would be left without an admin: make another member admin first.")
        }
    }

    /// Attributes a paper to an organization (or to none).
    public func attribute(paperId: String, to organization: String?, at now: Timestamp) async throws {
        let updated = try await database.execute(
            "UPDATE papers SET organization = \(organization), updated_at = \(now.millisecondsSinceEpoch) WHERE id = \(paperId)"
        )
        guard updated > 0 else { throw CommunityError.notFound("No paper with id '\(paperId)' is in DailyPapers.") }
    }
}
