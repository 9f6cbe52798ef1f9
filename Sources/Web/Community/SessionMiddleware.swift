import Community
import Hummingbird
import PapersCore

/// Finds the member behind a request: the session cookie for pages, an `Authorization: Bearer` token for the API.
///
/// The API ignores session cookies on purpose: a write there needs a token a page on another site cannot have.
struct SessionMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    static let cookieName = "dp_session"

    let community: CommunityFeatures

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        if request.uri.path.hasPrefix("/api/") {
            if let token = Self.bearerToken(request) {
                guard let user = try await community.accounts.user(apiToken: token) else {
                    throw HTTPError(.unauthorized, message: "The API token is unknown or revoked. Create one on your settings page.")
                }
                context.apiUser = user
            }
            return try await next(request, context)
        }
        guard let secret = request.cookies[Self.cookieName]?.value, let session = try await community.accounts.session(secret: secret) else {
            return try await next(request, context)
        }
        context.session = session
        let upvoted = request.method == .get ? try await community.store.upvotedIds(userId: session.user.id) : []
        let viewer = Viewer(user: session.user, csrf: session.csrf, upvoted: upvoted)
        var response = try await Viewer.$current.withValue(viewer) { try await next(request, context) }
        // Pages for a member are theirs alone: never cached by the browser's neighbours.
        response.headers[.cacheControl] = "private, no-store"
        return response
    }

    static func bearerToken(_ request: Request) -> String? {
        guard let value = request.headers[.authorization], value.lowercased().hasPrefix("bearer ") else { return nil }
        return String(value.dropFirst(7)).trimmingWhitespace()
    }

    /// The cookie that carries a new session: HttpOnly, SameSite=Lax, Secure when the site is served over HTTPS.
    static func cookie(secret: String, maxAgeSeconds: Int, secure: Bool) -> String {
        "\(cookieName)=\(secret); Path=/; Max-Age=\(maxAgeSeconds); HttpOnly; SameSite=Lax\(secure ? "; Secure" : "")"
    }

    static func expiredCookie(secure: Bool) -> String {
        cookie(secret: "", maxAgeSeconds: 0, secure: secure)
    }
}
