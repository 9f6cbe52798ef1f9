internal import COpenBLAS

/// The BERT encoder of all-MiniLM-L6-v2 with mean pooling and L2 normalisation.
///
/// Several token sequences are packed one after another into one matrix with no padding: every projection is one
/// product over all their tokens, and only attention is computed sequence by sequence. A pass runs on the calling
/// thread, or, given a `LaneTeam` (a single query, whose latency matters), on every core: each lane owns a share of
/// the token rows, and the lanes meet once per layer, when attention needs every row's keys and values. OpenBLAS
/// runs one thread per caller, so batches encoded side by side by different threads never wait for each other.
/// The dense layers multiply in bytes when the CPU has VNNI (`Int8Dense`), unless f32 is asked for; attention,
/// layer norms, GELU and pooling stay in f32.
struct MiniLMEncoder: Sendable {
    static let dimensions = MiniLMWeights.width
    private static let width = MiniLMWeights.width
    private static let headWidth = MiniLMWeights.width / MiniLMWeights.heads
    /// Below this many tokens per lane, waking the other lanes costs more than it saves.
    private static let minimumRowsPerLane = 6
    private let weights: MiniLMWeights
    /// The layers in bytes and the instructions that multiply them; nil on the f32 path.
    private let bytes: (instructions: Int8Instructions, layers: [Int8Layer])?

    /// `maxima` (of a calibration pass, `maxima(of:)`) name the input channels the int8 layers keep in f32.
    init(weights: MiniLMWeights, precision: EncoderPrecision = .automatic, keeping maxima: InputMaxima? = nil) {
        OpenBLAS.runOneThreadPerCaller()
        self.weights = weights
        bytes = precision.instructions.map { ($0, Int8Layer.all(weights, keepingThe: maxima)) }
    }

    /// What the f32 path's dense layers take in on `sequences`, channel by channel.
    func maxima(of sequences: [[Int32]]) -> InputMaxima {
        let batch = PackedBatch(sequences)
        let maxima = InputMaxima(layers: weights.layers.count)
        let workspace = Workspace(tokens: batch.tokens, longest: batch.longest, lanes: 1, bytes: false, maxima: maxima)
        defer { workspace.deallocate() }
        run(batch, workspace: workspace, lane: .alone)
        return maxima
    }

    /// The instructions the dense layers multiply with; nil when they run in f32.
    var instructions: Int8Instructions? { bytes?.instructions }

    /// One unit-length embedding per sequence of token ids (each at most 512 ids, all below the vocabulary size).
    func embed(_ sequences: [[Int32]], team: LaneTeam? = nil) -> [[Float]] {
        guard !sequences.isEmpty else { return [] }
        let batch = PackedBatch(sequences)
        let team = team.flatMap { $0.lanes > 1 && batch.tokens >= $0.lanes * Self.minimumRowsPerLane ? $0 : nil }
        let workspace = Workspace(tokens: batch.tokens, longest: batch.longest, lanes: team?.lanes ?? 1, bytes: bytes != nil)
        defer { workspace.deallocate() }
        let encoder = self
        let ranOnTeam = team?.run { lane in encoder.run(batch, workspace: workspace, lane: lane) } ?? false
        if !ranOnTeam { run(batch, workspace: workspace, lane: .alone) }
        return Self.meanPool(workspace.hidden, batch: batch)
    }

    /// The sequences' tokens laid end to end: where each sequence starts, and each token's id and position.
    private struct PackedBatch: Sendable {
        let starts: [Int]
        let ids: [Int32]
        let positions: [Int]
        var tokens: Int { ids.count }
        let longest: Int

        init(_ sequences: [[Int32]]) {
            var starts: [Int] = []
            var start = 0
            for sequence in sequences {
                starts.append(start)
                start += sequence.count
            }
            self.starts = starts
            ids = sequences.flatMap { $0 }
            positions = sequences.flatMap { $0.indices }
            longest = sequences.map(\.count).max() ?? 0
        }

        func range(of sequence: Int) -> Range<Int> {
            starts[sequence]..<(sequence + 1 < starts.count ? starts[sequence + 1] : tokens)
        }
    }

    /// Buffers for all tokens of one pass, allocated once. With several lanes, layers alternate between two
    /// query/key/value buffers, so a lane may start the next layer while another still reads this one's keys; each
    /// lane has its own `longest²` attention scores.
    private struct Workspace: Sendable {
        let hidden: FloatBuffer
        let qkv: [FloatBuffer]
        let context: FloatBuffer
        let attended: FloatBuffer
        let intermediate: FloatBuffer
        let scores: FloatBuffer
        let scoresPerLane: Int
        let quantized: QuantizedRows?
        let maxima: InputMaxima?

        init(tokens: Int, longest: Int, lanes: Int, bytes: Bool, maxima: InputMaxima? = nil) {
            self.maxima = maxima
            hidden = .allocate(tokens * MiniLMEncoder.width)
            qkv = (0..<(lanes > 1 ? 2 : 1)).map { _ in .allocate(tokens * MiniLMEncoder.width * 3) }
            context = .allocate(tokens * MiniLMEncoder.width)
            attended = .allocate(tokens * MiniLMEncoder.width)
            intermediate = .allocate(tokens * MiniLMWeights.intermediate)
            scoresPerLane = longest * longest
            scores = .allocate(scoresPerLane * lanes)
            quantized = bytes ? QuantizedRows(rows: tokens, width: MiniLMWeights.intermediate) : nil
        }

        func deallocate() {
            for buffer in qkv + [hidden, context, attended, intermediate, scores] { buffer.deallocate() }
            quantized?.deallocate()
        }
    }

    /// The whole pass for one lane's rows.
    private func run(_ batch: PackedBatch, workspace: Workspace, lane: Lane) {
        let rows = lane.share(of: batch.tokens)
        let scores = workspace.scores.base + lane.index * workspace.scoresPerLane
        embedTokens(batch, rows: rows, into: workspace.hidden)
        for (index, layer) in weights.layers.enumerated() {
            let qkv = workspace.qkv[index % workspace.qkv.count]
            project(.qkv, layer: index, rows: rows, input: workspace.hidden, output: qkv, workspace: workspace)
            lane.waitForTheOthers()
            Self.attention(batch, rows: rows, qkv: qkv, context: workspace.context, scores: scores)
            project(.attentionOut, layer: index, rows: rows, input: workspace.context, output: workspace.attended, workspace: workspace)
            Self.addAndNormalize(
                workspace.hidden, adding: workspace.attended, rows: rows, weight: layer.attentionNormWeight, bias: layer.attentionNormBias)
            project(.intermediate, layer: index, rows: rows, input: workspace.hidden, output: workspace.intermediate, workspace: workspace)
            let width = MiniLMWeights.intermediate
            VectorMath.geluInPlace(workspace.intermediate.base + rows.lowerBound * width, count: rows.count * width)
            project(.output, layer: index, rows: rows, input: workspace.intermediate, output: workspace.attended, workspace: workspace)
            Self.addAndNormalize(workspace.hidden, adding: workspace.attended, rows: rows, weight: layer.outputNormWeight, bias: layer.outputNormBias)
        }
    }

    private func embedTokens(_ batch: PackedBatch, rows: Range<Int>, into hidden: FloatBuffer) {
        let width = Self.width
        for row in rows {
            let target = hidden.base + row * width
            let word = Int(batch.ids[row]) * width
            let place = batch.positions[row] * width
            for index in 0..<width {
                target[index] =
                    weights.wordEmbeddings[word + index] + weights.positionEmbeddings[place + index]
                    + weights.tokenTypeEmbedding[index]
            }
            VectorMath.layerNormInPlace(target, width: width, weight: weights.embeddingNormWeight, bias: weights.embeddingNormBias)
        }
    }

    /// One dense layer of layer `index` over `rows`: in bytes when the encoder has them, in f32 otherwise.
    private func project(
        _ projection: MiniLMWeights.Projection, layer index: Int, rows: Range<Int>, input: FloatBuffer, output: FloatBuffer, workspace: Workspace
    ) {
        if let maxima = workspace.maxima {
            let inputs = weights.layers[index][projection].inputs
            maxima.record(layer: index, projection, rows: input.base + rows.lowerBound * inputs, count: rows.count, width: inputs)
        }
        if let bytes, let quantized = workspace.quantized {
            bytes.layers[index][projection].multiply(input, rows: rows, into: output, bytes: quantized, with: bytes.instructions)
        } else {
            Self.linear(weights.layers[index][projection], rows: rows, input: input, output: output)
        }
    }

    /// `output = input · weightᵀ + bias` over `rows` in f32. A few rows go through `SmallProduct`;
    /// more through OpenBLAS (the bias is copied in, then one sgemm adds the product).
    private static func linear(_ dense: MiniLMWeights.Dense, rows: Range<Int>, input: FloatBuffer, output: FloatBuffer) {
        let inputs = dense.inputs, outputs = dense.outputs
        let source = input.base + rows.lowerBound * inputs
        let target = output.base + rows.lowerBound * outputs
        dense.bias.withUnsafeBufferPointer { bias in
            guard let bias = bias.baseAddress else { return }
            if rows.count <= SmallProduct.maximumRows {
                SmallProduct.multiply(source, rows: rows.count, weights: dense.panels, bias: bias, into: target)
                return
            }
            for row in 0..<rows.count { (target + row * outputs).update(from: bias, count: outputs) }
            cblas_sgemm(
                CblasRowMajor, CblasNoTrans, CblasTrans, Int32(rows.count), Int32(outputs), Int32(inputs), 1,
                source, Int32(inputs), dense.weight, Int32(inputs), 1, target, Int32(outputs))
        }
    }

    /// Scaled dot-product attention of the query tokens in `rows` over their whole sequences, head by head,
    /// written into `context`.
    private static func attention(_ batch: PackedBatch, rows: Range<Int>, qkv: FloatBuffer, context: FloatBuffer, scores: UnsafeMutablePointer<Float>)
    {
        for sequence in batch.starts.indices {
            let tokens = batch.range(of: sequence)
            let queries = tokens.clamped(to: rows)
            guard !queries.isEmpty else { continue }
            for head in 0..<MiniLMWeights.heads {
                attend(head: head, queries: queries, tokens: tokens, qkv: qkv, context: context, scores: scores)
            }
        }
    }

    /// softmax(Q·Kᵀ / √d)·V for one head, for the `queries` rows of a sequence spanning `tokens`.
    private static func attend(
        head: Int, queries: Range<Int>, tokens: Range<Int>, qkv: FloatBuffer, context: FloatBuffer,
        scores: UnsafeMutablePointer<Float>
    ) {
        let stride = 3 * width
        let length = tokens.count
        let query = qkv.base + queries.lowerBound * stride + head * headWidth
        let key = qkv.base + tokens.lowerBound * stride + width + head * headWidth
        let value = key + width
        let scale = 1 / Float(headWidth).squareRoot()
        cblas_sgemm(
            CblasRowMajor, CblasNoTrans, CblasTrans, Int32(queries.count), Int32(length), Int32(headWidth), scale,
            query, Int32(stride), key, Int32(stride), 0, scores, Int32(length))
        VectorMath.softmaxRowsInPlace(scores, rows: queries.count, count: length)
        let output = context.base + queries.lowerBound * width + head * headWidth
        cblas_sgemm(
            CblasRowMajor, CblasNoTrans, CblasNoTrans, Int32(queries.count), Int32(headWidth), Int32(length), 1,
            scores, Int32(length), value, Int32(stride), 0, output, Int32(width))
    }

    /// `hidden = LayerNorm(hidden + residual)` for each of `rows`.
    private static func addAndNormalize(_ hidden: FloatBuffer, adding residual: FloatBuffer, rows: Range<Int>, weight: [Float], bias: [Float]) {
        for row in rows {
            let target = hidden.base + row * width
            let added = residual.base + row * width
            for index in 0..<width { target[index] += added[index] }
            VectorMath.layerNormInPlace(target, width: width, weight: weight, bias: bias)
        }
    }

    /// The mean of each sequence's token vectors, scaled to unit length.
    private static func meanPool(_ hidden: FloatBuffer, batch: PackedBatch) -> [[Float]] {
        batch.starts.indices.map { sequence in
            var pooled = [Float](repeating: 0, count: width)
            for row in batch.range(of: sequence) {
                for index in 0..<width { pooled[index] += hidden.base[row * width + index] }
            }
            return normalized(pooled)
        }
    }

    static func normalized(_ vector: [Float]) -> [Float] {
        let norm = vector.reduce(0) { $0 + $1 * $1 }.squareRoot()
        return norm > 0 ? vector.map { $0 / norm } : vector
    }
}
