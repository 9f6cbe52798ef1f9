/// The site's public address (`PUBLIC_URL`), from which every absolute link — in feeds, mail and the API's `Link`
/// headers — is printed. Never the request's `Host`: answers are cached and shared.
public struct SiteAddress: Sendable, Equatable {
    /// The address without a trailing slash, e.g. `https://papers.example.org`.
    public let base: String

    public init(_ url: String) {
        base = url.hasSuffix("/") ? String(url.dropLast()) : url
    }

    /// The absolute URL of a route, with query items in a stable order (by name) so cached answers compare equal.
    public func url(_ route: Route, query: [String: String] = [:]) -> String {
        guard !query.isEmpty else { return base + route.path }
        let items = query.sorted { $0.key < $1.key }.map { "\(TextEncoding.percentEncode($0.key))=\(TextEncoding.percentEncode($0.value))" }
        return base + route.path + "?" + items.joined(separator: "&")
    }

    /// Whether links point to HTTPS, so cookies get `Secure` and responses HSTS.
    public var isHTTPS: Bool { base.hasPrefix("https://") }
}
