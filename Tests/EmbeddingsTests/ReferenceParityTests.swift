import Foundation
import TestSupport
import Testing

@testable import Embeddings

/// The Swift tokenizer and encoder against sentence-transformers' own output (`scripts/embeddings/make-fixtures.py`).
@Suite struct ReferenceParityTests {
    struct Reference: Decodable {
        let text: String
        let ids: [Int32]
        let embedding: [Float]
    }

    static let references: [Reference] = {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/minilm-reference.jsonl")
        guard let text = try? String(contentsOf: file, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").compactMap { try? JSONDecoder().decode(Reference.self, from: Data($0.utf8)) }
    }()

    @Test func fixturesCoverTheRequiredCases() {
        #expect(Self.references.count >= 200)
        #expect(Self.references.contains { $0.text.isEmpty })
        #expect(Self.references.contains { $0.ids.count == 256 })
        #expect(Self.references.contains { $0.text.unicodeScalars.contains { TextNormalizer.isCJK($0) } })
    }

    @Test func tokenIdsEqualTheReference() throws {
        let tokenizer = try ModelFiles.embedder().tokenizer
        var mismatches: [String] = []
        for reference in Self.references where tokenizer.encode(reference.text) != reference.ids {
            mismatches.append(String(reference.text.prefix(60)))
        }
        #expect(mismatches.isEmpty, "token ids differ for: \(mismatches)")
    }

    @Test(arguments: EncoderPrecision.allCases)
    func embeddingsMatchTheReference(precision: EncoderPrecision) async throws {
        let embedder = try ModelFiles.embedder(precision)
        #expect(embedder.int8Instructions == precision.instructions)
        let vectors = await embedder.embed(Self.references.map(\.text))
        var worst: (cosine: Float, text: String) = (1, "")
        var total: Float = 0
        for (reference, vector) in zip(Self.references, vectors) {
            let cosine = Self.cosine(vector, reference.embedding)
            total += cosine
            if cosine < worst.cosine { worst = (cosine, String(reference.text.prefix(60))) }
        }
        let mean = total / Float(vectors.count)
        #expect(worst.cosine >= Self.lowest(precision), "lowest cosine \(worst.cosine) for \(worst.text)")
        #expect(mean >= Self.mean(precision), "mean cosine \(mean)")
    }

    /// The lowest cosine to sentence-transformers' vectors a text may have: f32 differs from PyTorch only in the
    /// order of additions; int8 rounds every dense layer's inputs and weights (measured: mean 0.999 on 2,000 papers).
    static func lowest(_ precision: EncoderPrecision) -> Float {
        precision.instructions == nil ? 0.9999 : 0.99
    }

    static func mean(_ precision: EncoderPrecision) -> Float {
        precision.instructions == nil ? 0.99995 : 0.998
    }

    @Test(arguments: EncoderPrecision.allCases)
    func oneTextAtATimeEqualsThePackedBatch(precision: EncoderPrecision) async throws {
        let embedder = try ModelFiles.embedder(precision)
        let texts = Self.references.prefix(12).map(\.text)
        let packed = await embedder.embed(texts)
        for (text, batched) in zip(texts, packed) {
            // In int8 a last-bit difference of f32 attention (other shapes) can move an activation across a rounding step.
            #expect(Self.cosine(embedder.embed(text), batched) > (precision.instructions == nil ? 0.99999 : 0.9999))
        }
    }

    @Test(arguments: EncoderPrecision.allCases)
    func embeddingsHaveUnitLength(precision: EncoderPrecision) throws {
        let vector = try ModelFiles.embedder(precision).embed("unit length")
        #expect(vector.count == 384)
        #expect(abs(vector.reduce(0) { $0 + $1 * $1 } - 1) < 1e-4)
    }

    static func cosine(_ a: [Float], _ b: [Float]) -> Float {
        var dot: Float = 0, normA: Float = 0, normB: Float = 0
        for index in a.indices {
            dot += a[index] * b[index]
            normA += a[index] * a[index]
            normB += b[index] * b[index]
        }
        return dot / (normA.squareRoot() * normB.squareRoot())
    }
}
