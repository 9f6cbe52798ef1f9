import Community
import Hummingbird
import PapersCore
import Storage

/// Upvotes: the page form (answering JSON to the page's script, a redirect without it) and the API.
struct VoteController: Sendable {
    let community: CommunityFeatures
    let clock: @Sendable () -> Timestamp

    /// `POST /papers/{id}/upvote` from the page: JSON to the page's script, a redirect back without it.
    func pageVote(_ id: String, _ request: Request, _ context: AppRequestContext) async throws -> Response {
        let (session, fields) = try await Guards.memberForm(request, context)
        let result = try await vote(id, upvoted: fields["upvoted"] != "0", user: session.user, context)
        if request.headers[.accept]?.contains("application/json") == true { return Self.json(result) }
        let paperPage = Route.paper(id: id).path
        let back = request.headers[.referer].flatMap(Guards.localPath) ?? paperPage
        // Back to the card that was voted on, not to the top of a long listing.
        return Responses.redirect(to: back == paperPage ? back : back + "#" + PaperCardView.anchor(id)).response
    }

    /// `POST` (upvote) and `DELETE` (take it back) of `/api/papers/{id}/upvote`.
    func apiVote(_ id: String, upvoted: Bool, _ context: AppRequestContext) async throws -> Response {
        Self.json(try await vote(id, upvoted: upvoted, user: try Guards.apiMember(context), context))
    }

    /// `{"upvotes":N,"upvoted":true}`, written directly: this is the hottest write path.
    static func json(_ result: VoteResult) -> Response {
        Responses.body("{\"upvotes\":\(result.upvotes),\"upvoted\":\(result.upvoted)}", contentType: Responses.jsonType).response
    }

    private func vote(_ rawId: String, upvoted: Bool, user: User, _ context: AppRequestContext) async throws -> VoteResult {
        try community.limits.check(.vote, context, now: clock())
        return try await community.votes.vote(rawId, upvoted: upvoted, by: user)
    }
}
