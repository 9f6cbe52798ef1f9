import Foundation
import TestSupport
import Testing

@testable import Embeddings

/// A single text encoded by several lanes at once (each owning a share of the token rows, meeting once per layer)
/// equals sentence-transformers' output, whatever the number of lanes and the length of the text.
@Suite struct EncoderLanesTests {
    static let weights: MiniLMWeights? = try? MiniLMWeights(file: ModelFiles.directory.appendingPathComponent("model.safetensors"))

    @Test(arguments: [2, 3], EncoderPrecision.allCases)
    func lanesMatchTheReference(lanes: Int, precision: EncoderPrecision) throws {
        let weights = try #require(Self.weights, "model files missing at \(ModelFiles.directory.path)")
        let encoder = MiniLMEncoder(weights: weights, precision: precision)
        let team = LaneTeam(lanes: lanes)
        // Every 4th reference by length: short texts stay on one lane; up to 64 rows a lane use SmallProduct,
        // longer ones (up to 256 tokens) OpenBLAS.
        let sample = ReferenceParityTests.references.sorted { $0.ids.count < $1.ids.count }.enumerated().filter { $0.offset % 4 == 0 }.map(\.element)
        #expect(sample.contains { $0.ids.count < lanes * 6 } && sample.contains { $0.ids.count > lanes * 64 })
        var worst: Float = 1
        for reference in sample {
            let vector = encoder.embed([reference.ids], team: team)[0]
            worst = min(worst, ReferenceParityTests.cosine(vector, reference.embedding))
        }
        #expect(worst >= ReferenceParityTests.lowest(precision))
    }

    @Test func aBusyTeamSaysSoAndTheCallerRunsAlone() throws {
        let team = LaneTeam(lanes: 2)
        let nested = NestedCall()
        let ran = team.run { lane in
            if lane.index == 0 { nested.record(team.run { _ in }) }
        }
        #expect(ran)
        #expect(nested.result == false)
        #expect(team.run { _ in })
    }

    @Test(arguments: EncoderPrecision.allCases)
    func concurrentQueriesMatchTheReference(precision: EncoderPrecision) async throws {
        let embedder = try ModelFiles.embedder(precision)
        let references = Array(ReferenceParityTests.references.prefix(30))
        let worst = await withTaskGroup(of: Float.self) { group in
            for reference in references {
                group.addTask { ReferenceParityTests.cosine(embedder.embed(reference.text), reference.embedding) }
            }
            return await group.reduce(1) { min($0, $1) }
        }
        #expect(worst >= ReferenceParityTests.lowest(precision))
    }

    /// What the nested `run` answered.
    final class NestedCall: @unchecked Sendable {
        private let lock = NSLock()
        private var answer: Bool?
        var result: Bool? { lock.withLock { answer } }
        func record(_ value: Bool) { lock.withLock { answer = value } }
    }
}
