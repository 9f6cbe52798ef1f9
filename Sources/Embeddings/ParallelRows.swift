import Dispatch
import Foundation

/// Splits element-wise work over the cores. Between matrix products OpenBLAS's workers wait, so softmax and GELU
/// on one thread would leave the other core idle for a fifth of an encoder pass.
struct ParallelRows: @unchecked Sendable {
    /// The buffer the parts write into; each part writes only its own rows.
    let base: UnsafeMutablePointer<Float>

    static let cores = max(1, min(4, ProcessInfo.processInfo.activeProcessorCount))

    /// Calls `body(base, rows)` for parts of `0..<rows`, on all cores when there are at least `minimumRows` rows,
    /// else on the calling thread.
    func forEachPart(rows: Int, minimumRows: Int, _ body: @Sendable (UnsafeMutablePointer<Float>, Range<Int>) -> Void) {
        let parts = rows >= minimumRows ? Self.cores : 1
        guard parts > 1 else { return body(base, 0..<rows) }
        DispatchQueue.concurrentPerform(iterations: parts) { part in
            body(base, (rows * part / parts)..<(rows * (part + 1) / parts))
        }
    }
}
