import Dispatch
import Foundation

/// Divides work into contiguous parts that run on the cores at once (k-means' rows, a vector scan's slots), or runs
/// it whole on the calling thread when there is one part.
public struct CoreSplit: Sendable {
    public static let cores = max(1, ProcessInfo.processInfo.activeProcessorCount)
    /// One part per core.
    public static let everyCore = CoreSplit(parts: cores)

    public let parts: Int

    public init(parts: Int) {
        self.parts = max(1, parts)
    }

    /// Calls `body(part, range)` for each part of `0..<count` (at most `parts`, never empty) and returns when all are done.
    public func forEachPart(of count: Int, _ body: @Sendable (_ part: Int, _ range: Range<Int>) -> Void) {
        let parts = min(self.parts, count)
        guard parts > 1 else { return body(0, 0..<count) }
        DispatchQueue.concurrentPerform(iterations: parts) { part in
            body(part, (count * part / parts)..<(count * (part + 1) / parts))
        }
    }
}

/// A buffer of floats owned by whoever allocated it, which parts on different cores may write into at once — each
/// only its own elements.
public struct FloatBuffer: @unchecked Sendable {
    public let base: UnsafeMutablePointer<Float>

    public init(base: UnsafeMutablePointer<Float>) {
        self.base = base
    }

    /// Floats of zeroed slack after every buffer: OpenBLAS's copy kernels read ahead of the matrix they pack (up to
    /// 2 KiB was seen), and a buffer that ended at the last mapped page would fault. A soak of searches beside
    /// background embedding crashed once in such a read.
    static let slack = 1_024

    static func allocate(_ count: Int) -> FloatBuffer {
        let total = max(1, count) + slack
        let base = UnsafeMutableRawPointer.allocate(byteCount: total * MemoryLayout<Float>.stride, alignment: 64).bindMemory(
            to: Float.self, capacity: total)
        base.initialize(repeating: 0, count: total)
        return FloatBuffer(base: base)
    }

    func deallocate() { base.deallocate() }
}
