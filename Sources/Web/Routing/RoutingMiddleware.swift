import Hummingbird
import PapersCore

/// Finds the route of each request once, before anything else looks at it: the middleware that follows decides by
/// the route (API or page, vote or other write), and `RouteTable` answers it. A path that names a route with a value
/// it cannot take is kept as `routeError` and refused by the table, after the rate limit has counted the request.
struct RoutingMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        do {
            if let method = RouteMethod(request.method) { context.route = try Route(method: method, path: request.uri.path) }
        } catch {
            context.routeError = error
        }
        return try await next(request, context)
    }
}

extension RouteMethod {
    /// The route method a request's method asks for: `HEAD` is answered by the `GET` route without its body.
    init?(_ method: HTTPRequest.Method) {
        switch method {
            case .get, .head: self = .get
            case .post: self = .post
            case .patch: self = .patch
            case .delete: self = .delete
            default: return nil
        }
    }
}
