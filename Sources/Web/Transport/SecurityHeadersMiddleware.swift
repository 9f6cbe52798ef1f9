import HTTPTypes
import Hummingbird
import Logging
import Synchronization

/// The outermost layer, one for what every response needs (each layer costs every request, the cached feed page
/// included): the security headers and an `X-Request-Id` on every response, error pages and assets included, and
/// every failure turned into the right page or JSON error (`ErrorResponses`), logged with that id.
///
/// The Content-Security-Policy allows scripts and styles from this site only (no inline code: the pages link their
/// scripts and stylesheet as files), no framing, no plugins, forms posting back here; images may come from https
/// (avatars and thumbnails of imported papers).
struct SecurityHeadersMiddleware<Context: RequestContext>: RouterMiddleware {
    let security: SecurityHeaders
    let logger: Logger

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response: Response
        let id = security.ids.next()
        do {
            // A NUL in the address would reach parameters and queries that C libraries read only up to it.
            if request.uri.description.utf8.containsNULEscape {
                throw PageError.badRequest("The address holds a NUL character (%00), which nothing here accepts.")
            }
            response = try await next(request, context)
        } catch {
            response = ErrorResponses.response(for: error, request, requestID: id, logger: logger)
        }
        security.apply(to: &response.headers, id: id)
        return response
    }
}

/// The headers every response carries, and the ids of requests.
struct SecurityHeaders: Sendable {
    static var contentSecurityPolicy: String {
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' https: data:; connect-src 'self'; "
            + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    }

    /// The headers themselves, without the request id.
    let fields: HTTPFields
    let ids = RequestIDs()

    /// `strictTransport` when the site is served over https (its public URL): browsers then keep to https for a year.
    init(strictTransport: Bool) {
        var fields: HTTPFields = [
            .contentSecurityPolicy: Self.contentSecurityPolicy,
            .xContentTypeOptions: "nosniff",
            .xFrameOptions: "DENY",
            .referrerPolicy: "strict-origin-when-cross-origin",
        ]
        if strictTransport { fields[.strictTransportSecurity] = "max-age=31536000; includeSubDomains" }
        self.fields = fields
    }

    /// Adds the security headers and the request's id (a new one unless given).
    func apply(to headers: inout HTTPFields, id: String? = nil) {
        headers.append(contentsOf: fields)
        headers[.xRequestID] = id ?? ids.next()
    }
}

/// Request ids unique in this process and across restarts: a random prefix chosen at start, then a counter.
final class RequestIDs: Sendable {
    private let prefix = String(UInt32.random(in: 0...UInt32.max) | 0x1000_0000, radix: 16)
    private let counter = Atomic<UInt64>(0)

    func next() -> String {
        prefix + "-" + String(counter.wrappingAdd(1, ordering: .relaxed).newValue, radix: 16)
    }
}

extension HTTPField.Name {
    /// The names are valid tokens, so the parses cannot fail.
    static let xRequestID = HTTPField.Name("X-Request-Id") ?? .xContentTypeOptions
    static let xFrameOptions = HTTPField.Name("X-Frame-Options") ?? .xContentTypeOptions
    static let referrerPolicy = HTTPField.Name("Referrer-Policy") ?? .xContentTypeOptions
    static let xCache = HTTPField.Name("X-Cache") ?? .xContentTypeOptions
}
