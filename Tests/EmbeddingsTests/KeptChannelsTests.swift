import Testing

@testable import Embeddings

/// LLM.int8()'s outlier split as `Int8Dense` does it: the kept input channels leave the bytes and are multiplied in
/// f32, so one huge input no longer blurs its row; and `InputMaxima` finds those channels.
@Suite struct KeptChannelsTests {
    static let (rows, inputs, outputs) = (5, 64, 64)

    /// A dense layer of small weights, and rows of small inputs whose channel 7 is a hundred times larger.
    static func layer() -> (MiniLMWeights.Dense, [Float]) {
        var numbers = CKernelsTests.Numbers(state: 7)
        let weight = (0..<outputs * inputs).map { _ in numbers.next() * 0.1 }
        let bias = (0..<outputs).map { _ in numbers.next() }
        var input = (0..<rows * inputs).map { _ in numbers.next() * 0.5 }
        for row in 0..<rows { input[row * inputs + 7] = 60 }
        return (MiniLMWeights.Dense(weight: weight, bias: bias), input)
    }

    /// The largest distance of `dense`'s int8 product from the f32 one.
    static func worstError(_ dense: Int8Dense, _ f32: MiniLMWeights.Dense, _ input: [Float], _ instructions: Int8Instructions) -> Float {
        let source = FloatBuffer.allocate(rows * inputs), target = FloatBuffer.allocate(rows * outputs)
        let bytes = QuantizedRows(rows: rows, width: inputs)
        defer {
            source.deallocate()
            target.deallocate()
            bytes.deallocate()
        }
        source.base.update(from: input, count: input.count)
        dense.multiply(source, rows: 0..<rows, into: target, bytes: bytes, with: instructions)
        var worst: Float = 0
        for row in 0..<rows {
            for column in 0..<outputs {
                let exact = f32.bias[column] + (0..<inputs).reduce(Float(0)) { $0 + input[row * inputs + $1] * f32.weight[column * inputs + $1] }
                worst = max(worst, abs(target.base[row * outputs + column] - exact))
            }
        }
        #expect(source.base[7] == 60, "the layer's input is left as it was")
        return worst
    }

    @Test(arguments: Int8Instructions.supported)
    func keepingTheOutlierChannelInF32ShrinksTheError(instructions: Int8Instructions) {
        let (f32, input) = Self.layer()
        let plain = Self.worstError(Int8Dense(f32), f32, input, instructions)
        let split = Self.worstError(Int8Dense(f32, keeping: [7]), f32, input, instructions)
        #expect(split < plain / 4, "kept: \(split), all in bytes: \(plain)")
    }

    @Test func inputMaximaFindTheLargestChannels() {
        let (_, input) = Self.layer()
        let maxima = InputMaxima(layers: 2)
        input.withUnsafeBufferPointer { maxima.record(layer: 1, .output, rows: $0.baseAddress!, count: Self.rows, width: Self.inputs) }
        #expect(maxima.largest(1, layer: 1, .output) == [7])
        #expect(maxima.largest(2, layer: 1, .output).count == 2)
        #expect(maxima.largest(2, layer: 0, .output).isEmpty, "a layer never seen keeps nothing")
    }
}
