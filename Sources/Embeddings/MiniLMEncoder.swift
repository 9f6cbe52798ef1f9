internal import COpenBLAS

/// The BERT encoder of all-MiniLM-L6-v2 with mean pooling and L2 normalisation, run on one thread.
///
/// Several token sequences are packed one after another into one matrix with no padding: every projection is one
/// OpenBLAS product over all their tokens, and only attention is computed sequence by sequence.
struct MiniLMEncoder: Sendable {
    static let dimensions = MiniLMWeights.width
    private let weights: MiniLMWeights

    init(weights: MiniLMWeights) {
        self.weights = weights
    }

    /// One unit-length embedding per sequence of token ids (each at most 512 ids, all below the vocabulary size).
    func embed(_ sequences: [[Int32]]) -> [[Float]] {
        guard !sequences.isEmpty else { return [] }
        var workspace = Workspace(tokens: sequences.reduce(0) { $0 + $1.count }, longest: sequences.map(\.count).max() ?? 0)
        embedTokens(sequences, into: &workspace.hidden)
        for layer in weights.layers {
            runLayer(layer, sequences: sequences, workspace: &workspace)
        }
        return meanPool(workspace.hidden, sequences: sequences)
    }

    /// Buffers sized once per call for all tokens of the batch.
    private struct Workspace {
        var hidden: [Float]
        var qkv: [Float]
        var context: [Float]
        var attended: [Float]
        var intermediate: [Float]
        var scores: [Float]

        init(tokens: Int, longest: Int) {
            let width = MiniLMWeights.width
            hidden = [Float](repeating: 0, count: tokens * width)
            qkv = [Float](repeating: 0, count: tokens * width * 3)
            context = [Float](repeating: 0, count: tokens * width)
            attended = [Float](repeating: 0, count: tokens * width)
            intermediate = [Float](repeating: 0, count: tokens * MiniLMWeights.intermediate)
            scores = [Float](repeating: 0, count: longest * longest)
        }
    }

    private func embedTokens(_ sequences: [[Int32]], into hidden: inout [Float]) {
        let width = MiniLMWeights.width
        var row = 0
        hidden.withUnsafeMutableBufferPointer { output in
            guard let base = output.baseAddress else { return }
            for sequence in sequences {
                for (position, id) in sequence.enumerated() {
                    let target = base + row * width
                    let word = Int(id) * width
                    let place = position * width
                    for index in 0..<width {
                        target[index] = weights.wordEmbeddings[word + index] + weights.positionEmbeddings[place + index]
                            + weights.tokenTypeEmbedding[index]
                    }
                    VectorMath.layerNormInPlace(target, width: width, weight: weights.embeddingNormWeight, bias: weights.embeddingNormBias)
                    row += 1
                }
            }
        }
    }

    private func runLayer(_ layer: MiniLMWeights.Layer, sequences: [[Int32]], workspace: inout Workspace) {
        let width = MiniLMWeights.width
        let tokens = workspace.hidden.count / width
        Self.linear(workspace.hidden, rows: tokens, inputs: width, weight: layer.qkv, bias: layer.qkvBias, outputs: 3 * width, into: &workspace.qkv)
        attention(sequences: sequences, workspace: &workspace)
        Self.linear(workspace.context, rows: tokens, inputs: width, weight: layer.attentionOut, bias: layer.attentionOutBias, outputs: width, into: &workspace.attended)
        Self.addAndNormalize(&workspace.hidden, adding: workspace.attended, weight: layer.attentionNormWeight, bias: layer.attentionNormBias)
        Self.linear(workspace.hidden, rows: tokens, inputs: width, weight: layer.intermediate, bias: layer.intermediateBias, outputs: MiniLMWeights.intermediate, into: &workspace.intermediate)
        workspace.intermediate.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            let width = MiniLMWeights.intermediate
            ParallelRows(base: base).forEachPart(rows: tokens, minimumRows: 32) { base, rows in
                VectorMath.geluInPlace(base + rows.lowerBound * width, count: rows.count * width)
            }
        }
        Self.linear(workspace.intermediate, rows: tokens, inputs: MiniLMWeights.intermediate, weight: layer.output, bias: layer.outputBias, outputs: width, into: &workspace.attended)
        Self.addAndNormalize(&workspace.hidden, adding: workspace.attended, weight: layer.outputNormWeight, bias: layer.outputNormBias)
    }

    /// Scaled dot-product attention, head by head within each sequence, written into `context`.
    private func attention(sequences: [[Int32]], workspace: inout Workspace) {
        let width = MiniLMWeights.width
        let headWidth = width / MiniLMWeights.heads
        let stride = 3 * width
        let scale = 1 / Float(headWidth).squareRoot()
        var start = 0
        workspace.qkv.withUnsafeBufferPointer { qkvBuffer in
            workspace.context.withUnsafeMutableBufferPointer { contextBuffer in
                workspace.scores.withUnsafeMutableBufferPointer { scoresBuffer in
                    guard let qkv = qkvBuffer.baseAddress, let scores = scoresBuffer.baseAddress,
                          let context = contextBuffer.baseAddress else { return }
                    for sequence in sequences {
                        let n = Int32(sequence.count)
                        for head in 0..<MiniLMWeights.heads {
                            let query = qkv + start * stride + head * headWidth
                            let key = query + width
                            let value = query + 2 * width
                            cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, n, n, Int32(headWidth), scale,
                                        query, Int32(stride), key, Int32(stride), 0, scores, n)
                            let length = sequence.count
                            ParallelRows(base: scores).forEachPart(rows: length, minimumRows: 64) { scores, rows in
                                for row in rows { VectorMath.softmaxInPlace(scores + row * length, count: length) }
                            }
                            let output = context + start * width + head * headWidth
                            cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, n, Int32(headWidth), n, 1,
                                        scores, n, value, Int32(stride), 0, output, Int32(width))
                        }
                        start += sequence.count
                    }
                }
            }
        }
    }

    /// `output = input · weightᵀ + bias` for `rows` rows: the bias is copied into every row, then one sgemm adds the product.
    private static func linear(_ input: [Float], rows: Int, inputs: Int, weight: [Float], bias: [Float], outputs: Int, into output: inout [Float]) {
        output.withUnsafeMutableBufferPointer { target in
            guard let base = target.baseAddress else { return }
            for row in 0..<rows {
                (base + row * outputs).update(from: bias, count: outputs)
            }
            cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, Int32(rows), Int32(outputs), Int32(inputs), 1,
                        input, Int32(inputs), weight, Int32(inputs), 1, base, Int32(outputs))
        }
    }

    /// `hidden = LayerNorm(hidden + residual)`, row by row.
    private static func addAndNormalize(_ hidden: inout [Float], adding residual: [Float], weight: [Float], bias: [Float]) {
        let width = MiniLMWeights.width
        hidden.withUnsafeMutableBufferPointer { rows in
            residual.withUnsafeBufferPointer { added in
                guard let base = rows.baseAddress else { return }
                for index in 0..<rows.count { rows[index] += added[index] }
                for row in 0..<(rows.count / width) {
                    VectorMath.layerNormInPlace(base + row * width, width: width, weight: weight, bias: bias)
                }
            }
        }
    }

    /// The mean of each sequence's token vectors, scaled to unit length.
    private func meanPool(_ hidden: [Float], sequences: [[Int32]]) -> [[Float]] {
        let width = MiniLMWeights.width
        var start = 0
        return sequences.map { sequence in
            var pooled = [Float](repeating: 0, count: width)
            for row in start..<(start + sequence.count) {
                for index in 0..<width { pooled[index] += hidden[row * width + index] }
            }
            start += sequence.count
            return Self.normalized(pooled)
        }
    }

    static func normalized(_ vector: [Float]) -> [Float] {
        let norm = vector.reduce(0) { $0 + $1 * $1 }.squareRoot()
        return norm > 0 ? vector.map { $0 / norm } : vector
    }
}
