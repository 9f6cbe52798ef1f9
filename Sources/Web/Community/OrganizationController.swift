import Community
import Hummingbird
import PapersCore
import Storage

/// Creating organizations, managing their members, and attributing papers to them.
struct OrganizationController: Sendable {
    let community: CommunityFeatures

    private var organizations: OrganizationService { community.organizations }

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/organizations/new") { request, context in
            Pages.html(CommunityPageViews.newOrganization(csrf: try Guards.member(request, context).csrf))
        }
        router.post("/organizations/new") { request, context in
            let (session, fields) = try await Guards.memberForm(request, context)
            do {
                let organization = try await organizations.create(name: fields["name"] ?? "", fullname: fields["fullname"] ?? "", by: session.user)
                return Responses.redirect(to: SiteRoute.organization(organization.name).path).response
            } catch let error as CommunityError {
                let page = CommunityPageViews.newOrganization(csrf: session.csrf, name: fields["name"] ?? "", fullname: fields["fullname"] ?? "", error: error.message)
                return Pages.html(page, status: error.kind.status)
            }
        }
        router.post("/:organization/members") { request, context in
            let (session, fields) = try await Guards.memberForm(request, context)
            let name = try context.parameters.require("organization")
            var role: OrganizationRole?
            if fields["role"] != "remove" {
                guard let chosen = OrganizationRole(rawValue: fields["role"] ?? "") else { throw PageError.badRequest("Choose member, admin or remove.") }
                role = chosen
            }
            try await organizations.setMember(fields["username"] ?? "", of: name, role: role, by: session.user)
            return Responses.redirect(to: SiteRoute.organization(name).path).response
        }
        router.onPaper(.post, "/papers/{id}/organization") { id, request, context in
            let (session, fields) = try await Guards.memberForm(request, context)
            let name = (fields["organization"] ?? "").trimmingWhitespace()
            try await organizations.attribute(id, to: name.isEmpty ? nil : name, by: session.user)
            return Responses.redirect(to: SiteRoute.paper(id: id).path).response
        }
    }
}
