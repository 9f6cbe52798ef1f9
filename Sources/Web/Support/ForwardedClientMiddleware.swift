import Foundation
import HTTPTypes
import Hummingbird

/// Behind a reverse proxy every request comes from the proxy's address: when it does, and the proxy is trusted,
/// the client is the last address the proxy appended to `X-Forwarded-For` (earlier ones are the client's own claims).
struct ForwardedClientMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let trustedProxies: Set<String>

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        if let peer = context.remoteAddress?.ipAddress, trustedProxies.contains(peer),
           let header = request.headers[values: Self.forwardedFor].last,
           let client = header.split(separator: ",").last?.trimmingCharacters(in: .whitespaces), !client.isEmpty {
            context.forwardedFor = client
        }
        return try await next(request, context)
    }

    static let forwardedFor = HTTPField.Name("X-Forwarded-For") ?? .via
}
