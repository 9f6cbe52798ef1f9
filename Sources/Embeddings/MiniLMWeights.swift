import Foundation

/// The weights of a 6-layer, 384-wide BERT encoder (all-MiniLM-L6-v2), read from `model.safetensors`.
/// Each layer's query, key and value projections are stacked into one matrix so one product computes all three.
struct MiniLMWeights: Sendable {
    static let width = 384
    static let heads = 12
    static let intermediate = 1536
    static let layerCount = 6
    static let maximumPositions = 512
    static let vocabularySize = 30522

    /// One transformer layer.
    struct Layer: Sendable {
        let qkv: Dense  // 384 → 3·384
        let attentionOut: Dense  // 384 → 384
        let attentionNormWeight: [Float]
        let attentionNormBias: [Float]
        let intermediate: Dense  // 384 → 1536
        let output: Dense  // 1536 → 384
        let outputNormWeight: [Float]
        let outputNormBias: [Float]

        subscript(projection: Projection) -> Dense {
            switch projection {
                case .qkv: qkv
                case .attentionOut: attentionOut
                case .intermediate: intermediate
                case .output: output
            }
        }
    }

    /// The four dense layers of a transformer layer, in the order a pass runs them.
    enum Projection: Sendable, Hashable { case qkv, attentionOut, intermediate, output }

    /// A fully connected layer: a row-major `[outputs, inputs]` matrix, as PyTorch stores `nn.Linear` weights (for
    /// OpenBLAS), the same weights in panels (for products over a few rows), and the bias.
    struct Dense: Sendable {
        let weight: [Float]
        let panels: PanelWeights
        let bias: [Float]
        var inputs: Int { panels.inputs }
        var outputs: Int { panels.outputs }

        init(weight: [Float], bias: [Float]) {
            self.weight = weight
            self.bias = bias
            panels = PanelWeights(weight, outputs: bias.count, inputs: weight.count / bias.count)
        }
    }

    let wordEmbeddings: [Float]
    let positionEmbeddings: [Float]
    let tokenTypeEmbedding: [Float]
    let embeddingNormWeight: [Float]
    let embeddingNormBias: [Float]
    let layers: [Layer]

    init(file: URL) throws {
        let tensors = try SafeTensors(contentsOf: file)
        let w = Self.width
        let prefix = try Self.prefix(in: tensors)
        let words = Self.vocabularySize
        wordEmbeddings = try tensors.floats("\(prefix)embeddings.word_embeddings.weight", shape: [words, w])
        positionEmbeddings = try tensors.floats("\(prefix)embeddings.position_embeddings.weight", shape: [Self.maximumPositions, w])
        tokenTypeEmbedding = Array(try tensors.floats("\(prefix)embeddings.token_type_embeddings.weight", shape: [2, w]).prefix(w))
        embeddingNormWeight = try tensors.floats("\(prefix)embeddings.LayerNorm.weight", shape: [w])
        embeddingNormBias = try tensors.floats("\(prefix)embeddings.LayerNorm.bias", shape: [w])
        layers = try (0..<Self.layerCount).map { try Self.layer($0, prefix: prefix, from: tensors) }
    }

    private static func prefix(in tensors: SafeTensors) throws -> String {
        for candidate in ["", "bert.", "0.auto_model."] {
            if (try? tensors.floats("\(candidate)embeddings.LayerNorm.bias", shape: [width])) != nil { return candidate }
        }
        throw EmbeddingError.invalidModel("no BERT embeddings in model.safetensors")
    }

    private static func layer(_ index: Int, prefix: String, from tensors: SafeTensors) throws -> Layer {
        let p = "\(prefix)encoder.layer.\(index)."
        let w = width
        func matrix(_ name: String, _ rows: Int, _ columns: Int) throws -> [Float] {
            try tensors.floats(p + name, shape: [rows, columns])
        }
        func vector(_ name: String, _ count: Int) throws -> [Float] { try tensors.floats(p + name, shape: [count]) }
        let projections = ["query", "key", "value"]
        return Layer(
            qkv: Dense(
                weight: try projections.flatMap { try matrix("attention.self.\($0).weight", w, w) },
                bias: try projections.flatMap { try vector("attention.self.\($0).bias", w) }),
            attentionOut: Dense(weight: try matrix("attention.output.dense.weight", w, w), bias: try vector("attention.output.dense.bias", w)),
            attentionNormWeight: try vector("attention.output.LayerNorm.weight", w),
            attentionNormBias: try vector("attention.output.LayerNorm.bias", w),
            intermediate: Dense(
                weight: try matrix("intermediate.dense.weight", intermediate, w), bias: try vector("intermediate.dense.bias", intermediate)),
            output: Dense(weight: try matrix("output.dense.weight", w, intermediate), bias: try vector("output.dense.bias", w)),
            outputNormWeight: try vector("output.LayerNorm.weight", w),
            outputNormBias: try vector("output.LayerNorm.bias", w)
        )
    }
}
