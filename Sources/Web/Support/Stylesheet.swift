import Hummingbird

/// The site's stylesheet as a file of its own, so browsers fetch it once and pages stay small.
///
/// Its address carries a hash of its content, so a changed stylesheet is a new address and it can be cached for a year.
enum Stylesheet {
    static let body = Layout.stylesheet.rendered
    static let version = String(ObjectID.make(body).suffix(12))
    static let path = "/assets/site-\(version).css"

    static func addRoute(to router: Router<some RequestContext>) {
        let response = Rendered(
            status: .ok,
            headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "public, max-age=31536000, immutable"],
            body: ByteBuffer(string: body)
        )
        router.get(RouterPath(path)) { _, _ in response.response }
    }
}
