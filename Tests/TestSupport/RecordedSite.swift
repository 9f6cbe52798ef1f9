import Foundation
import Hummingbird
import Synchronization

/// A local stand-in for a site the harvest reads (arXiv's listings and OAI-PMH, Hugging Face), serving recorded
/// pages over real HTTP: `answer` picks the body of each request from its path and query.
public final class RecordedSite: Sendable {
    /// The path and query of each request, in order, with its User-Agent.
    private let log = Mutex<[(target: String, userAgent: String)]>([])
    private let answer: @Sendable (_ path: String, _ query: [String: String]) -> String?

    /// `answer`: the body for a path and its query items; nil answers 404.
    public init(answer: @escaping @Sendable (_ path: String, _ query: [String: String]) -> String?) {
        self.answer = answer
    }

    public var requests: [(target: String, userAgent: String)] { log.withLock { $0 } }

    /// Runs the server on a free port for the duration of `body`, which gets its base URL.
    public func serve<T: Sendable>(_ body: @Sendable (URL) async throws -> T) async throws -> T {
        let router = Router()
        router.get("**") { request, _ in self.respond(to: request) }
        return try await LocalServer.serve(router, body)
    }

    private func respond(to request: Request) -> Response {
        log.withLock { $0.append((request.uri.description, request.headers[.userAgent] ?? "")) }
        var query: [String: String] = [:]
        for (name, value) in request.uri.queryParameters { query[String(name)] = String(value) }
        guard let body = answer(request.uri.path, query) else { return Response(status: .notFound) }
        return Response(
            status: .ok, headers: [.contentType: "application/xml; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: body)))
    }
}
