import PapersCore
import Storage

/// Organizations: creating them, who manages their members, and which papers they claim.
public struct OrganizationService: Sendable {
    let store: SQLOrganizationStore
    let users: SQLUserStore
    let papers: SQLPaperStore
    let clock: @Sendable () -> Timestamp

    public init(store: SQLOrganizationStore, users: SQLUserStore, papers: SQLPaperStore, clock: @escaping @Sendable () -> Timestamp) {
        self.store = store
        self.users = users
        self.papers = papers
        self.clock = clock
    }

    /// Creates an organization with `creator` as its first admin.
    public func create(name: String, fullname: String, by creator: User) async throws -> Organization {
        let organization = try Self.organization(name: name, fullname: fullname)
        try await store.createOrganization(organization, creatorId: creator.id, at: clock())
        return organization
    }

    /// Adds, changes or (with `role` nil) removes `username` in `name`: the organization's admins and site admins only.
    public func setMember(_ username: String, of name: String, role: OrganizationRole?, by user: User) async throws {
        guard try await store.organization(named: name) != nil else { throw CommunityError.notFound("There is no organization \(name).") }
        let membership = try await store.membership(of: user.id, in: name)
        guard user.role == .admin || membership == .admin else {
            throw CommunityError.forbidden("Only the organization's admins (or a site admin) manage its members.")
        }
        guard let member = try await users.user(named: username) else { throw CommunityError.notFound("There is no member called \(username).") }
        if let role {
            try await store.setMember(member.id, of: name, role: role)
        } else {
            try await store.removeMember(member.id, from: name)
        }
    }

    /// Whether `user` may attribute `paper` to an organization: an admin, the member who submitted it here, or
    /// one of its authors.
    public static func mayAttribute(_ paper: Paper, user: User) -> Bool {
        user.role == .admin || (paper.submittedHere && paper.submittedBy == user.username) || AccountRules.isAuthor(user.username, of: paper)
    }

    /// Attributes a paper to an organization (nil: to none): its submitter, an author or an admin, who must belong
    /// to the organization (site admins need not).
    public func attribute(_ paperId: String, to name: String?, by user: User) async throws {
        guard let paper = try await papers.paper(id: paperId) else {
            throw CommunityError.notFound("No paper with id '\(paperId)' is in DailyPapers.")
        }
        guard Self.mayAttribute(paper, user: user) else {
            throw CommunityError.forbidden("Only the paper's submitter, one of its authors or an admin can attribute it.")
        }
        if let name {
            guard try await store.organization(named: name) != nil else {
                throw CommunityError.notFound("There is no organization '\(name)'. Create it first at /organizations/new.")
            }
            let membership = try await store.membership(of: user.id, in: name)
            guard user.role == .admin || membership != nil else { throw CommunityError.forbidden("Join \(name) first: its admins can add you.") }
        }
        try await store.attribute(paperId: paper.id, to: name, at: clock())
    }

    /// The registered organization called `name`, if any.
    /// The organizations `user` belongs to.
    public func organizations(of user: User) async throws -> [Organization] {
        try await store.organizations(of: user.id)
    }

    public func organization(named name: String) async throws -> Organization? {
        try await store.organization(named: name)
    }

    /// Its members and their roles.
    public func members(of name: String) async throws -> [(username: String, role: OrganizationRole)] {
        try await store.members(of: name)
    }

    /// A valid organization: a handle-like name and a full name of 1 to 100 characters without controls.
    public static func organization(name: String, fullname: String) throws -> Organization {
        let handle = try AccountRules.validHandle(name, what: "organization name")
        let full = fullname.trimmingWhitespace()
        guard (1...100).contains(full.count) else { throw CommunityError.invalid("The full name has 1 to 100 characters.") }
        guard !full.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            throw CommunityError.invalid("The full name cannot contain control characters.")
        }
        return Organization(name: handle, fullname: full)
    }
}
