import Hummingbird

/// Empties this instance's page cache after a successful write, so a hidden comment or a new submission shows at
/// once on the pages visitors get from the cache.
///
/// Votes are the exception: they are frequent, and flushing the cache on each would leave visitors' pages uncached
/// under load. Visitors see vote counts within the cache's check interval (one second); the voter's own pages are
/// rendered fresh. Writes by other processes also show within that interval.
struct CacheInvalidationMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let cache: ResponseCache

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let response = try await next(request, context)
        if request.method != .get, request.method != .head, response.status.code < 400, !request.uri.path.hasSuffix("/upvote") {
            cache.invalidate()
        }
        return response
    }
}
