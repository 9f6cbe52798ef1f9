import Hummingbird

extension Router where Context == AppRequestContext {
    /// Registers `path` for paper ids of both shapes: `/papers/2410.11779/…` and old-style `/papers/quant-ph/0210005/…`.
    /// `template` contains `{id}` where the id goes, e.g. `/papers/{id}/upvote`.
    func onPaper(
        _ method: HTTPRequest.Method, _ template: String,
        _ handler: @escaping @Sendable (_ paperId: String, Request, AppRequestContext) async throws -> Response
    ) {
        let modern = template.replacingOccurrences(of: "{id}", with: ":id")
        let oldStyle = template.replacingOccurrences(of: "{id}", with: ":id/:number")
        on(RouterPath(modern), method: method) { request, context in
            try await handler(try context.parameters.require("id"), request, context)
        }
        on(RouterPath(oldStyle), method: method) { request, context in
            try await handler(try context.parameters.require("id") + "/" + context.parameters.require("number"), request, context)
        }
    }
}
