/// The largest magnitude each input channel of every dense layer reaches on a few texts, read through the f32 path.
/// A handful of channels carry values ten times the rest (channel 99 before every FFN, one GELU output before each
/// FFN output); in bytes, such a value sets its whole row's scale and blurs every other value of the row, so
/// `Int8Dense` keeps the layer's largest channels in f32 (LLM.int8()'s outlier split). Found at load, on built-in
/// texts: the same channels stand out whatever the abstracts (checked against 64 real ones: docs/benchmarks.md).
final class InputMaxima: @unchecked Sendable {
    /// Per layer, per projection, per input channel; written by one pass on one thread, then only read.
    private var values: [[MiniLMWeights.Projection: [Float]]]

    init(layers: Int) {
        values = Array(repeating: [:], count: layers)
    }

    /// Takes in `rows` rows of `width` inputs of `projection` in `layer`.
    func record(layer: Int, _ projection: MiniLMWeights.Projection, rows: UnsafePointer<Float>, count: Int, width: Int) {
        var largest = values[layer][projection] ?? [Float](repeating: 0, count: width)
        for row in 0..<count {
            for channel in 0..<width { largest[channel] = max(largest[channel], abs(rows[row * width + channel])) }
        }
        values[layer][projection] = largest
    }

    /// The `count` channels with the largest inputs of `projection` in `layer`, largest first.
    func largest(_ count: Int, layer: Int, _ projection: MiniLMWeights.Projection) -> [Int] {
        guard let largest = values[layer][projection] else { return [] }
        return Array(largest.indices.sorted { largest[$0] != largest[$1] ? largest[$0] > largest[$1] : $0 < $1 }.prefix(count))
    }

    /// Sentences in the manner of the abstracts DailyPapers embeds, written for this purpose.
    static let calibrationTexts = [
        "Attention Is All You Need: a network architecture based solely on attention mechanisms, dispensing with recurrence and convolutions entirely.",
        "We introduce a large language model trained on a trillion tokens and evaluate it on reasoning, coding and mathematics benchmarks.",
        "Diffusion models generate high-resolution images and videos from text prompts; we propose a faster sampler with fewer steps.",
        "A reinforcement learning method fine-tunes agents with human feedback, improving helpfulness while keeping the policy close to the reference.",
        "We present a benchmark of 10,000 questions for multimodal models, covering charts, tables, documents and scientific figures.",
        "Graph neural networks predict molecular properties; our equivariant architecture reaches state-of-the-art accuracy on QM9.",
        "Speech recognition in low-resource languages improves when self-supervised representations are pre-trained on unlabeled audio.",
        "This paper studies the robustness of vision transformers to adversarial perturbations and distribution shift.",
    ]
}
