import Community
import Hummingbird
import PapersCore
import Storage

/// Creating organizations, managing their members, and attributing papers to them.
struct OrganizationController: Sendable {
    let community: CommunityFeatures

    private var organizations: OrganizationService { community.organizations }

    func newForm(_ request: Request, _ context: AppRequestContext) throws -> Response {
        Pages.html(CommunityPageViews.newOrganization(viewer: Viewer(try Guards.member(request, context))))
    }

    func create(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let (session, fields) = try await Guards.memberForm(request, context)
        do {
            let organization = try await organizations.create(name: fields["name"] ?? "", fullname: fields["fullname"] ?? "", by: session.user)
            return Responses.redirect(to: Route.organization(organization.name).path).response
        } catch let error as CommunityError {
            let page = CommunityPageViews.newOrganization(
                viewer: Viewer(session), name: fields["name"] ?? "", fullname: fields["fullname"] ?? "", error: error.message)
            return Pages.html(page, status: error.kind.status)
        }
    }

    /// Adds a member, changes their role, or removes them ("remove").
    func setMember(of name: String, _ request: Request, _ context: AppRequestContext) async throws -> Response {
        let (session, fields) = try await Guards.memberForm(request, context)
        var role: OrganizationRole?
        if fields["role"] != "remove" {
            guard let chosen = OrganizationRole(rawValue: fields["role"] ?? "") else { throw PageError.badRequest("Choose member, admin or remove.") }
            role = chosen
        }
        try await organizations.setMember(fields["username"] ?? "", of: name, role: role, by: session.user)
        return Responses.redirect(to: Route.organization(name).path).response
    }

    func attribute(_ id: String, _ request: Request, _ context: AppRequestContext) async throws -> Response {
        let (session, fields) = try await Guards.memberForm(request, context)
        let name = (fields["organization"] ?? "").trimmingWhitespace()
        try await organizations.attribute(id, to: name.isEmpty ? nil : name, by: session.user)
        return Responses.redirect(to: Route.paper(id: id).path).response
    }
}
