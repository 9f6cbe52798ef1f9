import Hummingbird
import NIOCore
import NIOHTTP1
import Synchronization

/// One stored response of the `ResponseCache`, with what its memory really costs.
///
/// Bodies are copied into buffers of exactly their size (a rendered body or a compressed one may sit in a buffer
/// reserved twice as large), so `bytes` counts what the entry holds: its key, bodies, headers, the two header
/// templates the fast path derives from it, and a measured allowance for the objects around them.
final class CacheEntry: Sendable {
    let status: HTTPResponse.Status
    let headers: HTTPFields
    let body: ByteBuffer
    /// The body compressed once, when it is text worth compressing.
    let gzipped: ByteBuffer?
    let storedAt: ContinuousClock.Instant
    let bytes: Int
    /// Which storing this is; numbers are never reused.
    let sequence: Int
    /// Read since the clock hand last passed: such an entry gets a second chance before it is dropped.
    private let referenced = Atomic<Bool>(false)
    /// The fast path's complete header lists, plain and compressed, built on first use.
    private let templates = Mutex<(plain: HTTPHeaders?, gzip: HTTPHeaders?)>((nil, nil))

    /// Bytes of the objects around an entry's data (the entry, its key's string, dictionary and clock slots, the
    /// header storage and the templates' own structure), measured: 50,000 small API answers in a 32 MiB cache kept
    /// the process within 10 % of the limit with it.
    static let allowance = 1_024

    init(key: String, rendered: Rendered, storedAt: ContinuousClock.Instant, sequence: Int) {
        status = rendered.status
        headers = rendered.headers
        body = Self.exact(rendered.body)
        let compressible = Gzip.isCompressible(rendered.headers[.contentType]) && body.readableBytes >= Gzip.minimumSize
        // Compressed here, once per stored page, not once per request.
        gzipped = compressible ? Gzip.compress(body).map(Self.exact) : nil
        self.storedAt = storedAt
        self.sequence = sequence
        let headerBytes = rendered.headers.reduce(0) { $0 + $1.name.rawName.utf8.count + $1.value.utf8.count + 4 }
        // The headers are held three times: as fields, and in each template.
        bytes = Self.allowance + key.utf8.count + body.readableBytes + (gzipped?.readableBytes ?? 0) + 3 * headerBytes
    }

    var rendered: Rendered {
        Rendered(status: status, headers: headers, body: body, gzipped: gzipped, entry: self)
    }

    /// Marks the entry as read.
    func touch() {
        if !referenced.load(ordering: .relaxed) { referenced.store(true, ordering: .relaxed) }
    }

    /// Whether the entry was read since the last call, clearing the mark.
    func takeReference() -> Bool {
        referenced.exchange(false, ordering: .relaxed)
    }

    /// The header list for a plain (`gzip` false) or compressed answer, built by `make` once.
    func template(gzip: Bool, make: () -> HTTPHeaders) -> HTTPHeaders {
        if let known = templates.withLock({ gzip ? $0.gzip : $0.plain }) { return known }
        let made = make()
        templates.withLock { if gzip { $0.gzip = made } else { $0.plain = made } }
        return made
    }

    /// `buffer`'s bytes in a buffer of exactly their size.
    private static func exact(_ buffer: ByteBuffer) -> ByteBuffer {
        var copy = ByteBufferAllocator().buffer(capacity: buffer.readableBytes)
        copy.writeImmutableBuffer(buffer)
        return copy
    }
}
