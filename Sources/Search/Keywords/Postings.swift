import Foundation

/// One term's postings: the documents holding it, in increasing order, each with its BM25 impact, packed as
/// bytes: the gap from the previous document as a LEB128 varint (1 byte for most), then the impact.
///
/// The impact is the term-frequency part of BM25 for that document, `f·(k1+1) / (f + k1·(1 − b + b·len/avgdl))`,
/// quantised to 1…255; a search multiplies it by the term's IDF. While the index is first filled, impacts hold
/// the raw weighted frequencies instead, converted once the average length is known.
struct Postings {
    private(set) var bytes: [UInt8] = []
    private(set) var count = 0
    /// The highest impact in the list: the most this term can add to a paper's score, before its IDF.
    private(set) var maxImpact: UInt8 = 0
    private var lastDocument: UInt32 = 0

    /// Appends a document after every document already here.
    mutating func append(document: UInt32, impact: UInt8) {
        var gap = document &- lastDocument
        while gap >= 0x80 {
            bytes.append(UInt8(gap & 0x7F) | 0x80)
            gap >>= 7
        }
        bytes.append(UInt8(gap))
        bytes.append(impact)
        maxImpact = max(maxImpact, impact)
        lastDocument = document
        count += 1
    }

    /// Calls `body` with each document below `limit` after `cursor`, and its impact, in document order; the cursor
    /// then stands before the first document at or past `limit`.
    @inline(__always)
    func advance(_ cursor: inout PostingsCursor, below limit: UInt32, _ body: (UInt32, UInt8) -> Void) {
        bytes.withUnsafeBufferPointer { bytes in
            var index = cursor.index
            var document = cursor.document
            while index < bytes.count {
                var impactIndex = index
                let next = document &+ Self.gap(in: bytes, at: &impactIndex)
                guard next < limit else { break }
                document = next
                body(document, bytes[impactIndex])
                index = impactIndex + 1
            }
            cursor = PostingsCursor(index: index, document: document)
        }
    }

    /// Rewrites every impact (`transform(document, old)`) and trims the bytes to their length.
    mutating func rewriteImpacts(_ transform: (UInt32, UInt8) -> UInt8) {
        let old = bytes
        var trimmed = [UInt8](unsafeUninitializedCapacity: old.count) { buffer, initialized in
            initialized = buffer.initialize(fromContentsOf: old)
        }
        var highest: UInt8 = 0
        trimmed.withUnsafeMutableBufferPointer { bytes in
            var index = 0
            var document: UInt32 = 0
            while index < bytes.count {
                document &+= Self.gap(in: UnsafeBufferPointer(bytes), at: &index)
                bytes[index] = transform(document, bytes[index])
                highest = max(highest, bytes[index])
                index += 1
            }
        }
        bytes = trimmed
        maxImpact = highest
    }

    /// Reads the varint at `index`, leaving `index` on the impact byte after it.
    @inline(__always)
    private static func gap(in bytes: UnsafeBufferPointer<UInt8>, at index: inout Int) -> UInt32 {
        var gap = UInt32(bytes[index] & 0x7F)
        var shift: UInt32 = 7
        while bytes[index] & 0x80 != 0 {
            index += 1
            gap |= UInt32(bytes[index] & 0x7F) << shift
            shift += 7
        }
        index += 1
        return gap
    }
}

/// A reading position in a `Postings`: the byte to read next and the document read last.
struct PostingsCursor {
    var index = 0
    var document: UInt32 = 0
}

/// BM25 with field weights, the formula of SQLite's `bm25(papers_fts, 4, 1, 2, 2)`: a word counts 4 times in the
/// title, once in the abstract, twice among the authors and in the organization; length is every word of the paper.
enum BM25 {
    static let k1: Float = 1.2
    static let b: Float = 0.75
    static let titleWeight = 4
    static let abstractWeight = 1
    static let authorsWeight = 2
    static let organizationWeight = 2
    /// What one step of a quantised impact is worth.
    static let impactUnit = (k1 + 1) / 255

    static func impact(frequency: Int, length: Int, averageLength: Float) -> UInt8 {
        let f = Float(frequency)
        let normalised = f * (k1 + 1) / (f + k1 * (1 - b + b * Float(length) / max(averageLength, 1)))
        return UInt8(max(1, min(255, (normalised / impactUnit).rounded())))
    }

    /// Lucene's IDF, log(1 + (N − n + 0.5) / (n + 0.5)): never negative, so a word most papers hold still counts
    /// a little. FTS5's log((N − n + 0.5) / (n + 0.5)) gives such words nothing; with four-keyword queries, where
    /// "language models" is half the query, that cost real hits (four-keyword MRR@10 0.926 → 0.936, docs/benchmarks.md).
    static func idf(documents: Int, holding: Int) -> Float {
        let odds = (Double(documents - holding) + 0.5) / (Double(holding) + 0.5)
        return Float(log(1 + odds))
    }
}
