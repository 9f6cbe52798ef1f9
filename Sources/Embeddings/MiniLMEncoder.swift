internal import COpenBLAS

/// The BERT encoder of all-MiniLM-L6-v2 with mean pooling and L2 normalisation.
///
/// Several token sequences are packed one after another into one matrix with no padding: every projection is one
/// OpenBLAS product over all their tokens, and only attention is computed sequence by sequence. A call runs on the
/// calling thread, or on every core when given a split (a single query, whose latency matters); OpenBLAS itself
/// runs one thread per caller, so batches encoded at once by different threads never wait for each other.
struct MiniLMEncoder: Sendable {
    static let dimensions = MiniLMWeights.width
    private static let width = MiniLMWeights.width
    private static let headWidth = MiniLMWeights.width / MiniLMWeights.heads
    private let weights: MiniLMWeights

    init(weights: MiniLMWeights) {
        OpenBLAS.runOneThreadPerCaller()
        self.weights = weights
    }

    /// One unit-length embedding per sequence of token ids (each at most 512 ids, all below the vocabulary size).
    func embed(_ sequences: [[Int32]], split: CoreSplit = .serial) -> [[Float]] {
        guard !sequences.isEmpty else { return [] }
        let batch = PackedBatch(sequences)
        let workspace = Workspace(tokens: batch.tokens, longest: batch.longest, parts: split.parts)
        defer { workspace.deallocate() }
        embedTokens(batch, into: workspace.hidden, split: split)
        for layer in weights.layers {
            runLayer(layer, batch: batch, workspace: workspace, split: split)
        }
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

    /// Buffers for all tokens of one call, allocated once; attention scores get one `longest²` area per part.
    private struct Workspace: Sendable {
        let hidden: FloatBuffer
        let qkv: FloatBuffer
        let context: FloatBuffer
        let attended: FloatBuffer
        let intermediate: FloatBuffer
        let scores: FloatBuffer
        let scoresPerPart: Int

        init(tokens: Int, longest: Int, parts: Int) {
            hidden = .allocate(tokens * MiniLMEncoder.width)
            qkv = .allocate(tokens * MiniLMEncoder.width * 3)
            context = .allocate(tokens * MiniLMEncoder.width)
            attended = .allocate(tokens * MiniLMEncoder.width)
            intermediate = .allocate(tokens * MiniLMWeights.intermediate)
            scoresPerPart = longest * longest
            scores = .allocate(scoresPerPart * parts)
        }

        func deallocate() {
            for buffer in [hidden, qkv, context, attended, intermediate, scores] { buffer.deallocate() }
        }
    }

    private func embedTokens(_ batch: PackedBatch, into hidden: FloatBuffer, split: CoreSplit) {
        let width = Self.width
        let weights = self.weights
        split.forEachPart(of: batch.tokens) { _, rows in
            for row in rows {
                let target = hidden.base + row * width
                let word = Int(batch.ids[row]) * width
                let place = batch.positions[row] * width
                for index in 0..<width {
                    target[index] = weights.wordEmbeddings[word + index] + weights.positionEmbeddings[place + index]
                        + weights.tokenTypeEmbedding[index]
                }
                VectorMath.layerNormInPlace(target, width: width, weight: weights.embeddingNormWeight, bias: weights.embeddingNormBias)
            }
        }
    }

    private func runLayer(_ layer: MiniLMWeights.Layer, batch: PackedBatch, workspace: Workspace, split: CoreSplit) {
        let width = Self.width
        let tokens = batch.tokens
        let linear = Linear(rows: tokens, split: split)
        linear.apply(layer.qkv, to: workspace.hidden, into: workspace.qkv)
        Self.attention(batch, workspace: workspace, split: split)
        linear.apply(layer.attentionOut, to: workspace.context, into: workspace.attended)
        Self.addAndNormalize(workspace.hidden, adding: workspace.attended, rows: tokens, weight: layer.attentionNormWeight, bias: layer.attentionNormBias, split: split)
        linear.apply(layer.intermediate, to: workspace.hidden, into: workspace.intermediate, gelu: true)
        linear.apply(layer.output, to: workspace.intermediate, into: workspace.attended)
        Self.addAndNormalize(workspace.hidden, adding: workspace.attended, rows: tokens, weight: layer.outputNormWeight, bias: layer.outputNormBias, split: split)
    }

    /// A fully connected layer over `rows` rows, its output columns divided between the split's parts.
    private struct Linear {
        let rows: Int
        let split: CoreSplit

        /// `output = input · weightᵀ + bias`, then GELU when asked, each part on its own columns (whole panels). A few
        /// rows go through `SmallProduct`; more through OpenBLAS: the bias is copied in, one sgemm adds the product.
        func apply(_ dense: MiniLMWeights.Dense, to input: FloatBuffer, into output: FloatBuffer, gelu: Bool = false) {
            let rows = self.rows
            let inputs = dense.inputs, outputs = dense.outputs
            let width = PanelWeights.panelWidth
            split.forEachPart(of: dense.panels.panelCount) { _, panels in
                let columns = (panels.lowerBound * width)..<(panels.upperBound * width)
                let target = output.base + columns.lowerBound
                dense.bias.withUnsafeBufferPointer { bias in
                    guard let bias = bias.baseAddress else { return }
                    if rows <= SmallProduct.maximumRows {
                        SmallProduct.multiply(input.base, rows: rows, weights: dense.panels, panels: panels, bias: bias, into: output.base)
                        return
                    }
                    for row in 0..<rows { (target + row * outputs).update(from: bias + columns.lowerBound, count: columns.count) }
                    dense.weight.withUnsafeBufferPointer { weight in
                        guard let weight = weight.baseAddress else { return }
                        cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, Int32(rows), Int32(columns.count), Int32(inputs), 1,
                                    input.base, Int32(inputs), weight + columns.lowerBound * inputs, Int32(inputs), 1, target, Int32(outputs))
                    }
                }
                guard gelu else { return }
                for row in 0..<rows { VectorMath.geluInPlace(target + row * outputs, count: columns.count) }
            }
        }
    }

    /// Scaled dot-product attention for every (sequence, head) pair, written into `context`; pairs are divided
    /// between the split's parts, each with its own scores area.
    private static func attention(_ batch: PackedBatch, workspace: Workspace, split: CoreSplit) {
        let heads = MiniLMWeights.heads
        split.forEachPart(of: batch.starts.count * heads) { part, pairs in
            let scores = workspace.scores.base + part * workspace.scoresPerPart
            for pair in pairs {
                attend(head: pair % heads, tokens: batch.range(of: pair / heads), workspace: workspace, scores: scores)
            }
        }
    }

    /// softmax(Q·Kᵀ / √d)·V for one head of one sequence.
    private static func attend(head: Int, tokens: Range<Int>, workspace: Workspace, scores: UnsafeMutablePointer<Float>) {
        let stride = 3 * width
        let length = tokens.count
        let n = Int32(length)
        let query = workspace.qkv.base + tokens.lowerBound * stride + head * headWidth
        let key = query + width
        let value = query + 2 * width
        let scale = 1 / Float(headWidth).squareRoot()
        cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, n, n, Int32(headWidth), scale,
                    query, Int32(stride), key, Int32(stride), 0, scores, n)
        for row in 0..<length { VectorMath.softmaxInPlace(scores + row * length, count: length) }
        let output = workspace.context.base + tokens.lowerBound * width + head * headWidth
        cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, n, Int32(headWidth), n, 1,
                    scores, n, value, Int32(stride), 0, output, Int32(width))
    }

    /// `hidden = LayerNorm(hidden + residual)`, row by row.
    private static func addAndNormalize(_ hidden: FloatBuffer, adding residual: FloatBuffer, rows: Int, weight: [Float], bias: [Float], split: CoreSplit) {
        split.forEachPart(of: rows) { _, rows in
            for row in rows {
                let target = hidden.base + row * width
                let added = residual.base + row * width
                for index in 0..<width { target[index] += added[index] }
                VectorMath.layerNormInPlace(target, width: width, weight: weight, bias: bias)
            }
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
