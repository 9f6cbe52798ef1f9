internal import CKernels
internal import COpenBLAS

/// A dense layer's weights in signed bytes, one scale per output column, packed for the VNNI kernels. Activations are
/// quantized per row when the layer runs, except the few `kept` input channels whose values dwarf the rest: those
/// are left out of the bytes and multiplied in f32 (measured on 2,000 real abstracts: docs/benchmarks.md).
struct Int8Dense: Sendable {
    /// How many input channels of each layer stay in f32: one carries nearly all of the gain (docs/benchmarks.md).
    static let keptChannels = 2
    let packed: [Int8]
    let scales: [Float]
    let sums: [Int32]
    let bias: [Float]
    let inputs: Int
    let outputs: Int
    /// Input channels multiplied in f32, and their weights: `kept.count` rows of `outputs`.
    let kept: [Int]
    let keptWeights: [Float]

    /// Packs `dense` (outputs a multiple of 64, inputs of 4, as in every layer of the model), keeping the input
    /// channels `kept` in f32.
    init(_ dense: MiniLMWeights.Dense, keeping kept: [Int] = []) {
        inputs = dense.inputs
        outputs = dense.outputs
        precondition(outputs % 64 == 0 && inputs % 4 == 0, "an int8 layer needs outputs in 64s and inputs in 4s")
        var packed = [Int8](repeating: 0, count: dp_int8_packed_bytes(Int32(outputs), Int32(inputs)))
        var scales = [Float](repeating: 0, count: outputs)
        var sums = [Int32](repeating: 0, count: outputs)
        dp_int8_pack(dense.weight, Int32(outputs), Int32(inputs), &packed, &scales, &sums)
        self.packed = packed
        self.scales = scales
        self.sums = sums
        bias = dense.bias
        self.kept = kept
        keptWeights = kept.flatMap { channel in (0..<dense.outputs).map { dense.weight[$0 * dense.inputs + channel] } }
    }

    /// `output = input · weightᵀ + bias` for `rows` (row strides `inputs` and `outputs`), through `bytes`.
    func multiply(_ input: FloatBuffer, rows: Range<Int>, into output: FloatBuffer, bytes: QuantizedRows, with instructions: Int8Instructions) {
        let count = Int32(rows.count)
        let source = kept.isEmpty ? UnsafePointer(input.base + rows.lowerBound * inputs) : withoutKept(input, rows: rows, scratch: bytes)
        // A lane's rows start at the same place whatever the layer's width: lanes run different layers for a while.
        let quantized = bytes.values + rows.lowerBound * bytes.width
        let rowScales = bytes.scales + rows.lowerBound, zeros = bytes.zeros + rows.lowerBound
        dp_int8_quantize(source, count, Int32(inputs), quantized, rowScales, zeros)
        packed.withUnsafeBufferPointer { packed in
            dp_int8_multiply(
                instructions.rawValue, quantized, rowScales, zeros, count, Int32(inputs), packed.baseAddress, scales, sums, bias,
                Int32(outputs), output.base + rows.lowerBound * outputs)
        }
        if !kept.isEmpty { addKept(input.base + rows.lowerBound * inputs, rows: rows.count, into: output.base + rows.lowerBound * outputs) }
    }

    /// The rows with the kept channels zeroed, in the lane's part of `scratch`: quantized, a zero is exactly the
    /// row's zero point, so the kept channels add nothing to the byte product and the row's scale fits the rest.
    private func withoutKept(_ input: FloatBuffer, rows: Range<Int>, scratch: QuantizedRows) -> UnsafePointer<Float> {
        let copy = scratch.floats + rows.lowerBound * scratch.width
        copy.update(from: input.base + rows.lowerBound * inputs, count: rows.count * inputs)
        for row in 0..<rows.count {
            for channel in kept { copy[row * inputs + channel] = 0 }
        }
        return UnsafePointer(copy)
    }

    /// `output += input[kept] · keptWeights` in f32: the kept values gathered, then one product of depth
    /// `kept.count` (a loop per row and channel cost a short query half a millisecond).
    private func addKept(_ input: UnsafePointer<Float>, rows: Int, into output: UnsafeMutablePointer<Float>) {
        let gathered = (0..<rows).flatMap { row in kept.map { input[row * inputs + $0] } }
        cblas_sgemm(
            CblasRowMajor, CblasNoTrans, CblasNoTrans, Int32(rows), Int32(outputs), Int32(kept.count), 1, gathered, Int32(kept.count),
            keptWeights, Int32(outputs), 1, output, Int32(outputs))
    }
}

/// One transformer layer's four dense layers in bytes.
struct Int8Layer: Sendable {
    let qkv: Int8Dense
    let attentionOut: Int8Dense
    let intermediate: Int8Dense
    let output: Int8Dense

    /// `kept(projection)`: the input channels of that dense layer to keep in f32.
    init(_ layer: MiniLMWeights.Layer, keeping kept: (MiniLMWeights.Projection) -> [Int] = { _ in [] }) {
        qkv = Int8Dense(layer.qkv, keeping: kept(.qkv))
        attentionOut = Int8Dense(layer.attentionOut, keeping: kept(.attentionOut))
        intermediate = Int8Dense(layer.intermediate, keeping: kept(.intermediate))
        output = Int8Dense(layer.output, keeping: kept(.output))
    }

    /// Every layer of the model, each dense layer keeping its largest input channels in `maxima` (none without).
    static func all(_ weights: MiniLMWeights, keepingThe maxima: InputMaxima?) -> [Int8Layer] {
        weights.layers.indices.map { index in
            Int8Layer(weights.layers[index]) { maxima?.largest(Int8Dense.keptChannels, layer: index, $0) ?? [] }
        }
    }

    subscript(projection: MiniLMWeights.Projection) -> Int8Dense {
        switch projection {
            case .qkv: qkv
            case .attentionOut: attentionOut
            case .intermediate: intermediate
            case .output: output
        }
    }
}

/// Rows of activations quantized to bytes, each with its scale and zero point; lanes write only their own rows.
struct QuantizedRows: @unchecked Sendable {
    let width: Int
    let values: UnsafeMutablePointer<UInt8>
    let scales: UnsafeMutablePointer<Float>
    let zeros: UnsafeMutablePointer<Int32>
    /// Rows copied with their kept channels zeroed (`Int8Dense.kept`).
    let floats: UnsafeMutablePointer<Float>

    /// Room for `rows` rows of up to `width` values.
    init(rows: Int, width: Int) {
        self.width = width
        values = .allocate(capacity: max(1, rows * width))
        floats = .allocate(capacity: max(1, rows * width))
        scales = .allocate(capacity: max(1, rows))
        zeros = .allocate(capacity: max(1, rows))
    }

    func deallocate() {
        values.deallocate()
        scales.deallocate()
        zeros.deallocate()
        floats.deallocate()
    }
}
