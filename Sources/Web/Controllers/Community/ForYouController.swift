import ForYou
import HTTPTypes
import HubFormat
import Hummingbird
import PapersCore

/// "For you": the member's page (`/for-you`), its API (`/api/me/for-you`) and "Not interested" on its cards.
struct ForYouController: Sendable {
    let features: ForYouFeatures
    let community: CommunityFeatures
    let site: SiteAddress
    let clock: @Sendable () -> Timestamp

    func page(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let session = try Guards.member(request, context)
        let page = try PageNumber.of(request)
        let found = try await features.forYou.page(for: session.user, limit: PageNumber.size, offset: page * PageNumber.size)
        let viewer = try await (context.viewer ?? Viewer(session)).marking(found.items.map(\.paper))
        let model = ForYouView.Model(page: found, number: page, days: features.forYou.days, viewer: viewer, currentYear: clock().day.year)
        return Pages.html(ForYouView.render(model))
    }

    /// `GET /api/me/for-you?limit=&p=`: daily-papers items, each with its `reason`; a `Link` to the next page.
    func api(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let user = try Guards.apiMember(context)
        let query = request.queryItems
        let limit = try DailyPapersParameters.integer(query["limit"], name: "limit", range: 1...DailyPapersParameters.maxLimit) ?? 50
        let page = try DailyPapersParameters.integer(query["p"], name: "p", range: 0...10_000) ?? 0
        let found = try await features.forYou.page(for: user, limit: limit, offset: page * limit)
        var headers: HTTPFields = [:]
        if found.hasMore {
            headers[.linkHeader] = "<\(site.url(.apiForYou, query: ["limit": String(limit), "p": String(page + 1)]))>; rel=\"next\""
        }
        let items = found.items.map { item -> Hub.DailyItem in
            var daily = HFPaperDTO.dailyItem(item.paper)
            daily.reason = item.reason.text
            return daily
        }
        var response = try Responses.json(items, extraHeaders: headers).response
        response.headers[.cacheControl] = "private, no-store"
        return response
    }

    /// `POST /papers/{id}/dismiss`: "Not interested" (or `dismissed=0` to take it back), then back to the list.
    func dismiss(_ id: String, _ request: Request, _ context: AppRequestContext) async throws -> Response {
        let (session, fields) = try await Guards.memberForm(request, context)
        try community.limits.check(.vote, context, now: clock())
        try await features.forYou.dismiss(id, dismissed: fields["dismissed"] != "0", by: session.user)
        let back = request.headers[.referer].flatMap(Guards.localPath) ?? Route.forYou.path
        return Responses.redirect(to: back).response
    }
}
