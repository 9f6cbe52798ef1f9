import CKernels
import Foundation
import Testing

@testable import Embeddings

/// The C kernels against the same arithmetic done plainly: the VNNI products for every instruction set this CPU
/// has, every row count a tile can end on, several column blocks; softmax and GELU 16 wide against the 8-wide loops.
@Suite struct CKernelsTests {
    /// A reproducible sequence of floats in -1…1, with a few large ones, as real activations have.
    struct Numbers {
        var state: UInt64
        mutating func next() -> Float {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let unit = Float(state >> 40) / Float(1 << 24) * 2 - 1
            return state % 97 == 0 ? unit * 12 : unit
        }
    }

    @Test(arguments: Int8Instructions.supported)
    func kernelsEqualThePlainArithmetic(instructions: Int8Instructions) {
        for (rows, columns, depth) in [(1, 64, 4), (3, 64, 384), (4, 128, 384), (9, 192, 1536), (13, 64, 8)] {
            var numbers = Numbers(state: UInt64(rows * 1000 + depth))
            let input = (0..<rows * depth).map { _ in numbers.next() }
            let weights = (0..<columns * depth).map { _ in numbers.next() * 0.1 }
            let bias = (0..<columns).map { _ in numbers.next() }
            let (got, quantizedExpectation) = Self.run(instructions, input, weights, bias, rows: rows, columns: columns, depth: depth)
            var worstRounding: Float = 0, worstTruth: Float = 0
            for r in 0..<rows {
                for c in 0..<columns {
                    let exact = bias[c] + (0..<depth).reduce(Float(0)) { $0 + input[r * depth + $1] * weights[c * depth + $1] }
                    worstRounding = max(worstRounding, abs(got[r * columns + c] - quantizedExpectation[r * columns + c]))
                    worstTruth = max(worstTruth, abs(got[r * columns + c] - exact))
                }
            }
            #expect(worstRounding < 1e-3, "\(rows)×\(columns)×\(depth): \(worstRounding) from the same quantized arithmetic")
            #expect(worstTruth < 0.02 * Float(depth).squareRoot(), "\(rows)×\(columns)×\(depth): \(worstTruth) from the f32 product")
        }
    }

    @Test func sixteenWideSoftmaxAndGELUEqualTheEightWideLoops() throws {
        try #require(VectorMath.sixteenWide == (dp_vector512() != 0))
        guard VectorMath.sixteenWide else { return }
        var numbers = Numbers(state: 42)
        for count in [1, 7, 16, 17, 100, 256] {
            let values = (0..<count * 3).map { _ in numbers.next() * 4 }
            var wide = values, narrow = values
            wide.withUnsafeMutableBufferPointer { dp_softmax_rows($0.baseAddress, 3, Int32(count)) }
            narrow.withUnsafeMutableBufferPointer { row in
                for start in stride(from: 0, to: count * 3, by: count) { VectorMath.softmaxInPlace(row.baseAddress! + start, count: count) }
            }
            #expect(zip(wide, narrow).allSatisfy { abs($0 - $1) <= 1e-6 * max(1, abs($1)) }, "softmax of \(count)")
            var gelu = values
            gelu.withUnsafeMutableBufferPointer { dp_gelu($0.baseAddress, $0.count) }
            let expected = values.map { 0.5 * $0 * (1 + Float(erf(Double($0) / 2.0.squareRoot()))) }
            #expect(zip(gelu, expected).allSatisfy { abs($0 - $1) <= 1e-5 * max(1, abs($1)) }, "GELU of \(count * 3)")
        }
    }

    @Test func theBestInstructionsAreChosen() {
        #expect(Int8Instructions.available == Int8Instructions.supported.last)
        #expect(EncoderPrecision.float32.instructions == nil)
        #expect(EncoderPrecision.automatic.instructions == Int8Instructions.available)
    }

    /// The kernel's output, and what the quantized values give when multiplied one by one.
    static func run(
        _ instructions: Int8Instructions, _ input: [Float], _ weights: [Float], _ bias: [Float], rows: Int, columns: Int, depth: Int
    ) -> (kernel: [Float], plain: [Float]) {
        var packed = [Int8](repeating: 0, count: columns * depth)
        var weightScales = [Float](repeating: 0, count: columns), sums = [Int32](repeating: 0, count: columns)
        dp_int8_pack(weights, Int32(columns), Int32(depth), &packed, &weightScales, &sums)
        var bytes = [UInt8](repeating: 0, count: rows * depth)
        var scales = [Float](repeating: 0, count: rows), zeros = [Int32](repeating: 0, count: rows)
        dp_int8_quantize(input, Int32(rows), Int32(depth), &bytes, &scales, &zeros)
        var output = [Float](repeating: 0, count: rows * columns)
        dp_int8_multiply(
            instructions.rawValue, bytes, scales, zeros, Int32(rows), Int32(depth), packed, weightScales, sums, bias, Int32(columns), &output)
        var plain = [Float](repeating: 0, count: rows * columns)
        for r in 0..<rows {
            for c in 0..<columns {
                var sum = 0
                for k in 0..<depth {
                    let v = Int(packed[(c / 16) * 16 * depth + (k / 4) * 64 + (c % 16) * 4 + k % 4])
                    sum += (Int(bytes[r * depth + k]) - Int(zeros[r])) * v
                }
                plain[r * columns + c] = Float(sum) * scales[r] * weightScales[c] + bias[c]
            }
        }
        return (output, plain)
    }
}
