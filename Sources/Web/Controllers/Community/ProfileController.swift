import Community
import Hummingbird
import PapersCore
import Storage

/// Member profiles and author pages.
struct ProfileController: Sendable {
    let community: CommunityFeatures
    let catalog: PaperCatalog
    let forYou: ForYouFeatures
    let clock: @Sendable () -> Timestamp

    /// A member's page, or the papers a Hugging Face submitter of an import submitted.
    func user(_ name: String, _ viewer: Viewer?) async throws -> Rendered {
        guard let user = try await community.accounts.user(named: name) else {
            // Imported cards link their Hugging Face submitter here: show what they submitted.
            let submitted = try await catalog.submittedBy(name, limit: 100)
            guard !submitted.isEmpty else { throw PageError.notFound("There is no member called \(name).") }
            let viewer = try await viewer?.marking(submitted)
            return Responses.html(CommunityPageViews.submitter(name, submitted: submitted, currentYear: clock().day.year, viewer: viewer))
        }
        let upvoted = try await community.votes.upvotedPapers(of: user, limit: 100)
        let submitted = try await catalog.submittedBy(user.username, limit: 100)
        let collections = try await community.collections.list(CollectionQuery(owner: user.username, limit: 100), viewer: viewer?.user)
        let viewer = try await viewer?.marking(upvoted + submitted)
        let follows = try await forYou.follows.follows(of: user, shownTo: viewer?.user)
        return Responses.html(
            CommunityPageViews.profile(
                user, upvoted: upvoted, submitted: submitted, collections: collections, follows: follows, currentYear: clock().day.year,
                viewer: viewer))
    }

    /// An author's papers, 50 a page.
    func author(_ name: String, _ request: Request, _ viewer: Viewer?) async throws -> Rendered {
        let page = try PageNumber.of(request)
        let (limit, offset) = PageNumber.fetch(page)
        let (papers, hasMore) = PageNumber.trim(try await catalog.byAuthor(name, limit: limit, offset: offset))
        let viewer = try await viewer?.marking(papers)
        return Responses.html(
            CommunityPageViews.author(
                name, papers: papers, page: page, hasMore: hasMore, currentYear: clock().day.year, viewer: viewer,
                follow: try await forYou.followButton(.author, name, viewer: viewer)))
    }
}
