import Community
import ForYou
import Hummingbird
import PapersCore

/// What every request goes through when the community features are on, in one layer (each middleware layer costs
/// every request, the cached feed page included):
///
/// 1. **Who**: the session cookie for pages, an `Authorization: Bearer` token for the API. The API ignores session
///    cookies on purpose: a write there needs a token a page on another site cannot have. An unknown token makes a
///    read anonymous and a write a 401.
/// 2. **How much**: the pages or API rate limit, counted per member or per address.
/// 3. **Afterwards**: a successful write other than a vote empties this instance's page cache, so a hidden comment
///    or a new submission shows at once. Votes are frequent; visitors see them within the cache's one-second check.
struct CommunityMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    let community: CommunityFeatures
    let follows: FollowService
    let cache: ResponseCache
    let clock: @Sendable () -> Timestamp

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        let isAPI = context.route?.isAPI ?? Route.isAPIPath(request.uri.path)
        let viewer = isAPI ? nil : try await signIn(request, &context)
        if isAPI, let token = SessionCookie.bearerToken(request) {
            if let user = try await community.accounts.user(apiToken: token) {
                context.apiUser = user
            } else if request.method != .get, request.method != .head {
                throw Guards.unauthorized("The API token is unknown or revoked. Create one on your settings page.")
            }
            // A read with a token we do not know is anonymous: `huggingface_hub` sends the member's huggingface.co
            // token to whatever HF_ENDPOINT names, and public lists must work for them.
        }
        let limit = context.route == .health ? nil : try community.limits.check(isAPI ? .api : .pages, context, now: clock())

        var response: Response
        if let viewer {
            context.viewer = viewer
            response = try await next(request, context)
            // Pages for a member are theirs alone: never stored by shared caches.
            response.headers[.cacheControl] = "private, no-store"
        } else {
            response = try await next(request, context)
        }
        if let limit { response.headers.append(contentsOf: limit.headers) }
        if request.method != .get, request.method != .head, response.status.code < 400, context.route?.invalidatesPages != false {
            cache.invalidate()
        }
        return response
    }

    /// The member of a live session cookie; controllers mark the papers they show (`Viewer.marking`).
    private func signIn(_ request: Request, _ context: inout Context) async throws -> Viewer? {
        guard let secret = request.cookies[SessionCookie.name]?.value, let session = try await community.accounts.session(secret: secret) else {
            return nil
        }
        context.session = session
        return Viewer(
            user: session.user, csrf: session.csrf, marks: PaperMarks(votes: community.votes, readingLists: community.readingLists, follows: follows))
    }
}

/// The session cookie and the API's bearer token, as they travel in headers.
enum SessionCookie {
    static let name = "dp_session"

    /// The cookie that carries a new session: HttpOnly, SameSite=Lax, Secure when the site is served over HTTPS.
    static func make(secret: String, maxAgeSeconds: Int, secure: Bool) -> String {
        "\(name)=\(secret); Path=/; Max-Age=\(maxAgeSeconds); HttpOnly; SameSite=Lax\(secure ? "; Secure" : "")"
    }

    static func expired(secure: Bool) -> String {
        make(secret: "", maxAgeSeconds: 0, secure: secure)
    }

    static func bearerToken(_ request: Request) -> String? {
        guard let value = request.headers[.authorization], value.lowercased().hasPrefix("bearer ") else { return nil }
        return String(value.dropFirst(7)).trimmingWhitespace()
    }
}
