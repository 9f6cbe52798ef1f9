/// A fully connected layer's weights repacked for products over a few rows (a query's tokens): panels of 16 output
/// columns, each stored k-major (`panel[k][0..<16]`), so a product streams every weight once, in order.
struct PanelWeights: Sendable {
    static let panelWidth = 16
    let panels: [Float]
    let inputs: Int
    let outputs: Int

    /// Repacks a row-major `[outputs, inputs]` matrix (`outputs` a multiple of 16).
    init(_ weight: [Float], outputs: Int, inputs: Int) {
        precondition(outputs % Self.panelWidth == 0, "outputs must be a multiple of \(Self.panelWidth)")
        var panels = [Float](repeating: 0, count: weight.count)
        for column in 0..<outputs {
            let panel = column / Self.panelWidth, lane = column % Self.panelWidth
            for k in 0..<inputs {
                panels[(panel * inputs + k) * Self.panelWidth + lane] = weight[column * inputs + k]
            }
        }
        self.panels = panels
        self.inputs = inputs
        self.outputs = outputs
    }

    var panelCount: Int { outputs / Self.panelWidth }
}

/// `output[r][o] = bias[o] + Σₖ input[r][k] · weight[o][k]` for a few rows, from `PanelWeights`. OpenBLAS would first
/// copy ("pack") the whole weight matrix, which for a query's few dozen tokens costs as much as the product itself.
/// Six rows by sixteen columns are accumulated in twelve registers, as in OpenBLAS's own kernels.
enum SmallProduct {
    /// Up to this many rows this kernel is used instead of OpenBLAS's sgemm.
    static let maximumRows = 64
    private static let blockRows = 6

    /// Computes `rows` rows of `output` (row stride `weights.outputs`).
    static func multiply(
        _ input: UnsafePointer<Float>, rows: Int, weights: PanelWeights, bias: UnsafePointer<Float>,
        into output: UnsafeMutablePointer<Float>
    ) {
        let inputs = weights.inputs
        let width = PanelWeights.panelWidth
        weights.panels.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            for panel in 0..<weights.panelCount {
                let weight = base + panel * inputs * width
                let column = panel * width
                for first in stride(from: 0, to: rows, by: blockRows) {
                    // Past the last row the last one is repeated and its results dropped.
                    func row(_ offset: Int) -> UnsafePointer<Float> { input + min(first + offset, rows - 1) * inputs }
                    let target = Target(
                        base: output + first * weights.outputs + column, stride: weights.outputs,
                        rows: min(blockRows, rows - first), bias: (VectorMath.load(bias + column), VectorMath.load(bias + column + 8)))
                    block(row(0), row(1), row(2), row(3), row(4), row(5), weight: weight, inputs: inputs, into: target)
                }
            }
        }
    }

    /// Where a block's sums go: `rows` rows from `base`, each plus the bias of its sixteen columns.
    private struct Target {
        let base: UnsafeMutablePointer<Float>
        let stride: Int
        let rows: Int
        let bias: (SIMD8<Float>, SIMD8<Float>)

        @inline(__always)
        func store(row: Int, _ low: SIMD8<Float>, _ high: SIMD8<Float>) {
            guard row < rows else { return }
            VectorMath.store(low + bias.0, base + row * stride)
            VectorMath.store(high + bias.1, base + row * stride + 8)
        }
    }

    /// Six rows times one panel, summed in twelve registers.
    @inline(__always)
    private static func block(
        _ x0: UnsafePointer<Float>, _ x1: UnsafePointer<Float>, _ x2: UnsafePointer<Float>, _ x3: UnsafePointer<Float>,
        _ x4: UnsafePointer<Float>, _ x5: UnsafePointer<Float>, weight: UnsafePointer<Float>, inputs: Int, into target: Target
    ) {
        var c00 = SIMD8<Float>(), c01 = SIMD8<Float>(), c10 = SIMD8<Float>(), c11 = SIMD8<Float>()
        var c20 = SIMD8<Float>(), c21 = SIMD8<Float>(), c30 = SIMD8<Float>(), c31 = SIMD8<Float>()
        var c40 = SIMD8<Float>(), c41 = SIMD8<Float>(), c50 = SIMD8<Float>(), c51 = SIMD8<Float>()
        for k in 0..<inputs {
            let b0 = VectorMath.load(weight + 16 * k), b1 = VectorMath.load(weight + 16 * k + 8)
            let a0 = SIMD8<Float>(repeating: x0[k]), a1 = SIMD8<Float>(repeating: x1[k]), a2 = SIMD8<Float>(repeating: x2[k])
            c00.addProduct(a0, b0)
            c01.addProduct(a0, b1)
            c10.addProduct(a1, b0)
            c11.addProduct(a1, b1)
            c20.addProduct(a2, b0)
            c21.addProduct(a2, b1)
            let a3 = SIMD8<Float>(repeating: x3[k]), a4 = SIMD8<Float>(repeating: x4[k]), a5 = SIMD8<Float>(repeating: x5[k])
            c30.addProduct(a3, b0)
            c31.addProduct(a3, b1)
            c40.addProduct(a4, b0)
            c41.addProduct(a4, b1)
            c50.addProduct(a5, b0)
            c51.addProduct(a5, b1)
        }
        target.store(row: 0, c00, c01)
        target.store(row: 1, c10, c11)
        target.store(row: 2, c20, c21)
        target.store(row: 3, c30, c31)
        target.store(row: 4, c40, c41)
        target.store(row: 5, c50, c51)
    }
}
