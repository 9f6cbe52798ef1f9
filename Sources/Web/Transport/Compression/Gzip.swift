import CZlib
import NIOCore
import PapersCore

/// gzip (RFC 1952) through the system zlib: what compresses pages, JSON and feeds on the wire.
enum Gzip {
    /// Bodies smaller than this are sent as they are: a gzip header and trailer would eat the gain.
    static let minimumSize = 1_024
    /// Larger bodies are left alone: nothing the site renders comes near it, and memory stays bounded.
    static let maximumSize = 16 << 20

    /// `body` compressed in one call, or nil when zlib fails (the caller then sends the body as it is).
    static func compress(_ body: ByteBuffer, level: Int32 = 6) -> ByteBuffer? {
        var stream = z_stream()
        guard dailypapers_deflate_init_gzip(&stream, level) == Z_OK else { return nil }
        defer { deflateEnd(&stream) }
        let input = body.readableBytesView
        let bound = Int(deflateBound(&stream, UInt(input.count)))
        var output = ByteBuffer()
        var finished = false
        input.withUnsafeBytes { source in
            _ = output.writeWithUnsafeMutableBytes(minimumWritableBytes: bound) { target in
                stream.next_in = UnsafeMutablePointer(mutating: source.bindMemory(to: Bytef.self).baseAddress)
                stream.avail_in = uInt(source.count)
                stream.next_out = target.bindMemory(to: Bytef.self).baseAddress
                stream.avail_out = uInt(target.count)
                // The output has deflateBound's room, so one call with Z_FINISH always completes.
                finished = deflate(&stream, Z_FINISH) == Z_STREAM_END
                return finished ? target.count - Int(stream.avail_out) : 0
            }
        }
        return finished ? output : nil
    }

    /// Whether a response of `contentType` is text worth compressing (pages, JSON, feeds, styles, scripts, SVG).
    static func isCompressible(_ contentType: String?) -> Bool {
        guard let type = contentType?.lowercased() else { return false }
        return type.hasPrefix("text/") || type.contains("json") || type.contains("xml") || type.contains("javascript") || type.contains("svg")
    }

    /// Whether an `Accept-Encoding` value takes gzip: named (or `*`) without `q=0`.
    static func isAccepted(_ acceptEncoding: String?) -> Bool {
        guard let acceptEncoding else { return false }
        // What browsers send ("gzip, deflate, br, zstd") has no weights: read it without allocating, as the fast
        // path asks on every request.
        if !acceptEncoding.utf8.contains(UInt8(ascii: ";")) {
            return namesGzip(acceptEncoding.utf8) || acceptEncoding.utf8.contains(UInt8(ascii: "*"))
        }
        // An explicit weight for gzip wins over the wildcard's, whatever their order (RFC 9110 §12.5.3).
        var gzip: Double?
        var wildcard: Double?
        for part in acceptEncoding.lowercased().split(separator: ",") {
            let pieces = part.split(separator: ";").map { String($0).trimmingWhitespace() }
            guard let coding = pieces.first, coding == "gzip" || coding == "*" else { continue }
            let quality = pieces.dropFirst().first { $0.hasPrefix("q=") }.flatMap { Double($0.dropFirst(2)) } ?? 1
            if coding == "gzip" { gzip = quality } else { wildcard = quality }
        }
        return (gzip ?? wildcard ?? 0) > 0
    }

    /// Whether the bytes hold "gzip" in any letter case.
    private static let gzipWord: [UInt8] = Array("gzip".utf8)

    private static func namesGzip(_ bytes: String.UTF8View) -> Bool {
        let word = gzipWord
        var matched = 0
        for byte in bytes {
            let lower = byte | 0x20
            matched = lower == word[matched] ? matched + 1 : (lower == word[0] ? 1 : 0)
            if matched == word.count { return true }
        }
        return false
    }
}
