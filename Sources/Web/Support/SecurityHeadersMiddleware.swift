import HTTPTypes
import Hummingbird

/// The outermost layer: every response, error pages and assets included, carries the security headers and the
/// request's id (`X-Request-Id`, the id in that request's log lines).
///
/// The Content-Security-Policy allows scripts and styles from this site only (no inline code: the pages link their
/// scripts and stylesheet as files), no framing, no plugins, forms posting back here; images may come from https
/// (avatars and thumbnails of imported papers).
struct SecurityHeadersMiddleware<Context: RequestContext>: RouterMiddleware {
    static var contentSecurityPolicy: String {
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' https: data:; connect-src 'self'; "
            + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    }

    private let fields: HTTPFields

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

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        response.headers.append(contentsOf: fields)
        response.headers[.xRequestID] = context.id
        return response
    }
}

extension HTTPField.Name {
    /// The names are valid tokens, so the parses cannot fail.
    static let xRequestID = HTTPField.Name("X-Request-Id") ?? .xContentTypeOptions
    static let xFrameOptions = HTTPField.Name("X-Frame-Options") ?? .xContentTypeOptions
    static let referrerPolicy = HTTPField.Name("Referrer-Policy") ?? .xContentTypeOptions
}
