import Foundation
import Hummingbird
import Presentation

/// A response whose body is already in memory, so it can be cached and replayed.
struct Rendered: Sendable {
    var status: HTTPResponse.Status
    var headers: HTTPFields
    var body: ByteBuffer
    /// The body gzip-compressed, kept beside it by the response cache for the clients that accept gzip.
    var gzipped: ByteBuffer? = nil
    /// The response cache's entry this came from, which keeps what the fast path derives from it.
    var entry: CacheEntry? = nil

    var response: Response {
        Response(status: status, headers: headers, body: .init(byteBuffer: body))
    }
}

/// Building responses: HTML, Markdown and JSON with their content types.
enum Responses {
    static let htmlType = "text/html; charset=utf-8"
    static let jsonType = "application/json; charset=utf-8"
    static let markdownType = "text/markdown; charset=utf-8"

    static func body(_ text: String, contentType: String, status: HTTPResponse.Status = .ok, extraHeaders: HTTPFields = [:]) -> Rendered {
        var headers: HTTPFields = [.contentType: contentType]
        headers.append(contentsOf: extraHeaders)
        return Rendered(status: status, headers: headers, body: ByteBuffer(string: text))
    }

    static func html(_ html: HTML, status: HTTPResponse.Status = .ok) -> Rendered {
        body(html.rendered, contentType: htmlType, status: status)
    }

    static func json(_ value: some Encodable, status: HTTPResponse.Status = .ok, extraHeaders: HTTPFields = [:]) throws -> Rendered {
        var headers: HTTPFields = [.contentType: jsonType]
        headers.append(contentsOf: extraHeaders)
        return Rendered(status: status, headers: headers, body: ByteBuffer(bytes: try StreamingJSONEncoder().encode(value)))
    }

    static func redirect(to path: String) -> Rendered {
        Rendered(status: .found, headers: [.location: path], body: ByteBuffer())
    }
}

/// A page that cannot be shown, with the status and words the error page uses.
struct PageError: Error {
    let status: HTTPResponse.Status
    let message: String

    static func notFound(_ message: String) -> PageError { PageError(status: .notFound, message: message) }
    static func badRequest(_ message: String) -> PageError { PageError(status: .badRequest, message: message) }
}

extension Request {
    /// The query items as a dictionary (the last value wins for a repeated name).
    var queryItems: [String: String] {
        var items: [String: String] = [:]
        for (name, value) in uri.queryParameters { items[String(name)] = String(value) }
        return items
    }
}

/// Pages that are never cached: forms, settings, confirmations, with the cookie they may set.
enum Pages {
    static func html(_ page: HTML, status: HTTPResponse.Status = .ok, setCookie: String? = nil) -> Response {
        var response = Responses.html(page, status: status).response
        response.headers[.cacheControl] = "no-store"
        if let setCookie { response.headers[.setCookie] = setCookie }
        return response
    }
}
