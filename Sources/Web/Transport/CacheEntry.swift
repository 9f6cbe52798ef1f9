import Hummingbird
import NIOCore
import NIOHTTP1
import Synchronization

/// One stored response of the `ResponseCache`, with what its memory really costs.
///
/// Bodies are copied into buffers of their own (a rendered body or a compressed one may sit in a buffer reserved far
/// larger), and `bytes` counts what the entry holds: its key, the bodies' capacities (NIO allocates powers of two),
/// headers, the two header templates the fast path derives from it, and an allowance for the objects around them.
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
    /// header storage and the templates' own structure); `scripts/bench-hardening.sh` measures the bound it gives.
    static let allowance = 2_048

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
        // A buffer's capacity, not its length: NIO allocates powers of two, so a 70 KB page takes 128 KB.
        bytes = Self.allowance + key.utf8.count + body.capacity + (gzipped?.capacity ?? 0) + 3 * headerBytes
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
