import Community
import Hummingbird
import PapersCore
import Storage

/// Creating organizations, managing their members, and attributing papers to them.
struct OrganizationController: Sendable {
    let community: CommunityFeatures
    let papers: any PaperStore
    let clock: @Sendable () -> Timestamp

    private var store: SQLCommunityStore { community.store }

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/organizations/new") { request, context in
            Pages.html(CommunityPageViews.newOrganization(csrf: try Guards.member(request, context).csrf))
        }
        router.post("/organizations/new") { request, context in
            let (session, fields) = try await Guards.memberForm(request, context)
            do {
                let organization = try Self.organization(name: fields["name"] ?? "", fullname: fields["fullname"] ?? "")
                try await store.createOrganization(organization, creatorId: session.user.id, at: clock())
                return Responses.redirect(to: SiteRoute.organization(organization.name).path).response
            } catch let error as CommunityError {
                let page = CommunityPageViews.newOrganization(csrf: session.csrf, name: fields["name"] ?? "", fullname: fields["fullname"] ?? "", error: error.message)
                return Pages.html(page, status: error.kind.status)
            }
        }
        router.post("/:organization/members") { request, context in
            let (session, fields) = try await Guards.memberForm(request, context)
            let name = try context.parameters.require("organization")
            guard try await store.organization(named: name) != nil else { throw PageError.notFound("There is no organization \(name).") }
            let membership = try await store.membership(of: session.user.id, in: name)
            guard session.user.role == .admin || membership == .admin else {
                throw PageError(status: .forbidden, message: "Only the organization's admins (or a site admin) manage its members.")
            }
            let username = fields["username"] ?? ""
            guard let member = try await store.user(named: username) else { throw PageError.notFound("There is no member called \(username).") }
            if fields["role"] == "remove" {
                try await store.removeMember(member.id, from: name)
            } else {
                guard let role = OrganizationRole(rawValue: fields["role"] ?? "") else { throw PageError.badRequest("Choose member, admin or remove.") }
                try await store.setMember(member.id, of: name, role: role)
            }
            return Responses.redirect(to: SiteRoute.organization(name).path).response
        }
        router.onPaper(.post, "/papers/{id}/organization") { id, request, context in
            let (session, fields) = try await Guards.memberForm(request, context)
            guard let paper = try await papers.paper(id: id) else { throw PageError.notFound("No paper with id '\(id)' is in DailyPapers.") }
            let user = session.user
            guard user.role == .admin || paper.submittedBy == user.username || AccountRules.isAuthor(user.username, of: paper) else {
                throw PageError(status: .forbidden, message: "Only the paper's submitter, one of its authors or an admin can attribute it.")
            }
            let name = (fields["organization"] ?? "").trimmingWhitespace()
            if !name.isEmpty {
                guard try await store.organization(named: name) != nil else {
                    throw PageError.notFound("There is no organization '\(name)'. Create it first at /organizations/new.")
                }
                let membership = try await store.membership(of: user.id, in: name)
                guard user.role == .admin || membership != nil else {
                    throw PageError(status: .forbidden, message: "Join \(name) first: its admins can add you.")
                }
            }
            try await store.attribute(paperId: paper.id, to: name.isEmpty ? nil : name, at: clock())
            return Responses.redirect(to: SiteRoute.paper(id: paper.id).path).response
        }
    }

    static func organization(name: String, fullname: String) throws -> Organization {
        let handle = try AccountRules.validHandle(name, what: "organization name")
        let full = fullname.trimmingWhitespace()
        guard (1...100).contains(full.count) else { throw CommunityError.invalid("The full name has 1 to 100 characters.") }
        guard !full.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            throw CommunityError.invalid("The full name cannot contain control characters.")
        }
        return Organization(name: handle, fullname: full)
    }
}
