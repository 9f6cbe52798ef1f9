import HTTPTypes
import Hummingbird
import NIOCore

/// gzip for the responses that take the normal path (members' pages, misses, API answers): a text body of known
/// length, to a client that accepts gzip, leaves compressed with `Vary: Accept-Encoding`. It runs outermost, so
/// error pages are compressed too. Cached answers carry their compressed bytes already (`ResponseCache`).
struct CompressionMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        guard request.method != .head, Gzip.isCompressible(response.headers[.contentType]) else { return response }
        Self.addVary(&response.headers)
        guard Gzip.isAccepted(request.headers[.acceptEncoding]), response.headers[.contentEncoding] == nil,
            let length = response.body.contentLength, (Gzip.minimumSize...Gzip.maximumSize).contains(length)
        else { return response }
        let collector = BodyCollector()
        try await response.body.write(collector)
        guard let compressed = Gzip.compress(collector.buffer) else { return response }
        response.headers[.contentEncoding] = "gzip"
        response.headers[.contentLength] = String(compressed.readableBytes)
        response.body = ResponseBody(byteBuffer: compressed)
        return response
    }

    static func addVary(_ headers: inout HTTPFields) {
        if !(headers[.vary]?.lowercased().contains("accept-encoding") ?? false) { headers.append(HTTPField(name: .vary, value: "Accept-Encoding")) }
    }
}

/// Collects a response body written to it, for compressing it whole.
private final class BodyCollector: ResponseBodyWriter, @unchecked Sendable {
    // Written by one task, then read by it: the body is written before `buffer` is read.
    var buffer = ByteBuffer()

    func write(_ buffer: ByteBuffer) async throws {
        var chunk = buffer
        self.buffer.writeBuffer(&chunk)
    }

    func finish(_ trailingHeaders: HTTPFields?) async throws {}
}
