import Community
import PapersCore
import Storage
import TestSupport
import Testing

/// Organizations through the service: who manages members, and who may attribute a paper.
@Suite struct OrganizationServiceTests {
    @Test func adminsManageMembersAndMembersAttributeTheirPapers() async throws {
        // Ann wrote the first paper: an author may attribute it.
        var paper = SamplePapers.paper("2511.00001")
        paper.authors = ["Ann", "Alan Turing"]
        try await TemporaryDatabase.with { temporary in
            let site = try await ServiceFixtures(temporary, papers: [paper, SamplePapers.paper("2511.00002")])
            let (ann, bob, root) = (try await site.member("ann"), try await site.member("bob"), try await site.member("root", role: .admin))
            let organizations = site.organizations
            let lab = try await organizations.create(name: "lab", fullname: "The Lab", by: bob)
            #expect(try await organizations.organization(named: "lab") == lab)
            await #expect(throws: CommunityError.self, "a name is taken once") {
                try await organizations.create(name: "lab", fullname: "Again", by: ann)
            }
            await #expect(throws: CommunityError.self, "only its admins add members") {
                try await organizations.setMember("ann", of: "lab", role: .member, by: ann)
            }
            await #expect(throws: CommunityError.self, "not a member yet") { try await organizations.attribute("2511.00001", to: "lab", by: ann) }
            try await organizations.setMember("ann", of: "lab", role: .member, by: bob)
            #expect(try await organizations.members(of: "lab").map(\.username).sorted() == ["ann", "bob"])
            try await organizations.attribute("2511.00001", to: "lab", by: ann)
            #expect(try await temporary.store.paper(id: "2511.00001")?.organization?.name == "lab")
            await #expect(throws: CommunityError.self, "neither submitter nor author") {
                try await organizations.attribute("2511.00002", to: "lab", by: ann)
            }
            try await organizations.attribute("2511.00002", to: "lab", by: root)
            try await organizations.attribute("2511.00001", to: nil, by: ann)
            #expect(try await temporary.store.paper(id: "2511.00001")?.organization == nil)
        }
    }
}
