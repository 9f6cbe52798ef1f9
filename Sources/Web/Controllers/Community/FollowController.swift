import ForYou
import HTTPTypes
import Hummingbird
import PapersCore

/// Following: `/following` (what the member follows, and where every Follow button posts) and `/api/me/follows`.
struct FollowController: Sendable {
    let features: ForYouFeatures
    let community: CommunityFeatures
    let clock: @Sendable () -> Timestamp

    private var follows: FollowService { features.follows }

    func page(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let session = try Guards.member(request, context)
        async let isPublic = follows.followsArePublic(session.user)
        async let digest = follows.personalDigest(of: session.user)
        let followed = try await follows.follows(of: session.user)
        let viewer = context.viewer ?? Viewer(session)
        let model = FollowingView.Model(follows: followed, isPublic: try await isPublic, digest: try await digest, viewer: viewer)
        return Pages.html(FollowingView.render(model))
    }

    /// `POST /following`: follow (`followed=1`) or unfollow (`followed=0`) `kind`/`value`, make the list public or
    /// private (`public=1|0`), or choose the personal digest (`digest=off|daily|weekly`); back to the page it was on.
    func change(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let (session, fields) = try await Guards.memberForm(request, context)
        try community.limits.check(.vote, context, now: clock())
        if let visibility = fields["public"] {
            try await follows.setFollowsPublic(visibility == "1", for: session.user)
        } else if let digest = fields["digest"] {
            try await follows.choosePersonalDigest(digest, for: session.user)
        } else if fields["followed"] == "0" {
            _ = try await follows.unfollow(kind: fields["kind"] ?? "", value: fields["value"] ?? "", by: session.user)
        } else {
            _ = try await follows.follow(kind: fields["kind"] ?? "", value: fields["value"] ?? "", by: session.user)
        }
        let back = request.headers[.referer].flatMap(Guards.localPath) ?? Route.following.path
        return Responses.redirect(to: back).response
    }

    /// `GET /api/me/follows`: everything the token's member follows.
    func list(_ context: AppRequestContext) async throws -> Response {
        let user = try Guards.apiMember(context)
        var response = try Responses.json(try await follows.follows(of: user).map(FollowBody.init)).response
        response.headers[.cacheControl] = "private, no-store"
        return response
    }

    /// `POST /api/me/follows` with `{"kind": …, "value": …}`: 201 when new, 200 when already followed.
    func follow(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let user = try Guards.apiMember(context)
        try community.limits.check(.vote, context, now: clock())
        let input = try await APIInput.decode(FollowBody.self, from: request, example: Self.example)
        let (follow, created) = try await follows.follow(kind: input.kind, value: input.value, by: user)
        return try Responses.json(FollowBody(follow), status: created ? .created : .ok).response
    }

    /// `DELETE /api/me/follows` with the same body: 200 when unfollowed, 404 when it was not followed.
    func unfollow(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let user = try Guards.apiMember(context)
        try community.limits.check(.vote, context, now: clock())
        let input = try await APIInput.decode(FollowBody.self, from: request, example: Self.example)
        guard try await follows.unfollow(kind: input.kind, value: input.value, by: user) else {
            throw APIError.notFound("You do not follow the \(input.kind) '\(input.value)'.")
        }
        return try Responses.json(input).response
    }

    private static let example = #"{"kind": "author", "value": "Yann LeCun"}"#
}

/// A follow as the API reads and writes it.
struct FollowBody: Codable, Sendable {
    let kind: String
    let value: String

    init(_ follow: Follow) {
        kind = follow.kind.rawValue
        value = follow.value
    }
}
