internal import CKernels

/// A dense layer's weights in signed bytes, one scale per output column, packed for the VNNI kernels. Activations are
/// quantized per row when the layer runs, so nothing here depends on the texts (measured on 2,000 real abstracts:
/// mean cosine 0.999 to the f32 vectors; docs/benchmarks.md).
struct Int8Dense: Sendable {
    let packed: [Int8]
    let scales: [Float]
    let sums: [Int32]
    let bias: [Float]
    let inputs: Int
    let outputs: Int

    /// Packs `dense` (outputs a multiple of 64, inputs of 4, as in every layer of the model).
    init(_ dense: MiniLMWeights.Dense) {
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
    }

    /// `output = input · weightᵀ + bias` for `rows` (row strides `inputs` and `outputs`), through `bytes`.
    func multiply(_ input: FloatBuffer, rows: Range<Int>, into output: FloatBuffer, bytes: QuantizedRows, with instructions: Int8Instructions) {
        let count = Int32(rows.count)
        let source = input.base + rows.lowerBound * inputs
        // A lane's rows start at the same place whatever the layer's width: lanes run different layers for a while.
        let quantized = bytes.values + rows.lowerBound * bytes.width
        let rowScales = bytes.scales + rows.lowerBound, zeros = bytes.zeros + rows.lowerBound
        dp_int8_quantize(source, count, Int32(inputs), quantized, rowScales, zeros)
        packed.withUnsafeBufferPointer { packed in
            dp_int8_multiply(
                instructions.rawValue, quantized, rowScales, zeros, count, Int32(inputs), packed.baseAddress, scales, sums, bias,
                Int32(outputs), output.base + rows.lowerBound * outputs)
        }
    }
}

/// One transformer layer's four dense layers in bytes.
struct Int8Layer: Sendable {
    let qkv: Int8Dense
    let attentionOut: Int8Dense
    let intermediate: Int8Dense
    let output: Int8Dense

    init(_ layer: MiniLMWeights.Layer) {
        qkv = Int8Dense(layer.qkv)
        attentionOut = Int8Dense(layer.attentionOut)
        intermediate = Int8Dense(layer.intermediate)
        output = Int8Dense(layer.output)
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

    /// Room for `rows` rows of up to `width` values.
    init(rows: Int, width: Int) {
        self.width = width
        values = .allocate(capacity: max(1, rows * width))
        scales = .allocate(capacity: max(1, rows))
        zeros = .allocate(capacity: max(1, rows))
    }

    func deallocate() {
        values.deallocate()
        scales.deallocate()
        zeros.deallocate()
    }
}
