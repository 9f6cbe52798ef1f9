import Community
import Hummingbird
import NIOCore
import PapersCore

/// The request context of every route: Hummingbird's core storage, the client's address, and who is signed in.
public struct AppRequestContext: RequestContext, RemoteAddressRequestContext {
    public var coreContext: CoreRequestContextStorage
    public let remoteAddress: SocketAddress?
    /// The browser session, when the request carries a live session cookie.
    public var session: SignedIn?
    /// The member an `Authorization: Bearer` API token names (API routes only).
    public var apiUser: User?
    /// The client's address as a trusted reverse proxy reported it (`X-Forwarded-For`).
    public var forwardedFor: String?
    /// The signed-in member as the page's views show them (set by `CommunityMiddleware` for page requests).
    var viewer: Viewer?
    /// What the request asks for, found once by `RoutingMiddleware`; nil when no route has its method and path.
    public var route: Route?
    /// Why the path names no route it can take (a date that is no date), answered with 400 by `RouteTable`.
    public var routeError: RouteError?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
    }

    /// The client's IP address as text, the key rate limits count anonymous requests by.
    var clientKey: String {
        forwardedFor ?? remoteAddress?.ipAddress ?? "unknown"
    }

    /// The member behind the request, by session or API token.
    var user: User? { session?.user ?? apiUser }

    /// What rate limits count by: the member when signed in, the address otherwise.
    var limitKey: String {
        user.map { "user:\($0.id)" } ?? ClientAddress.limitKey(clientKey)
    }
}
