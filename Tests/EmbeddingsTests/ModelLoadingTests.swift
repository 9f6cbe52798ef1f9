import Foundation
import Testing

@testable import Embeddings

@Suite struct ModelLoadingTests {
    @Test func aMissingFolderNamesTheFileItLookedFor() {
        let folder = URL(fileURLWithPath: "/nonexistent/model")
        #expect(throws: EmbeddingError.missingFile("/nonexistent/model/vocab.txt")) { try SentenceEmbedder(directory: folder) }
    }

    @Test func aBrokenWeightsFileIsRefused() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("broken-model-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "[PAD]\n[UNK]\n[CLS]\n[SEP]\n".write(to: folder.appendingPathComponent("vocab.txt"), atomically: true, encoding: .utf8)
        try Data([1, 2, 3]).write(to: folder.appendingPathComponent("model.safetensors"))
        #expect(throws: EmbeddingError.self) { try SentenceEmbedder(directory: folder) }
    }

    @Test func batchesKeepEveryTextOnceAndRespectTheTokenBudget() {
        let lengths = [3, 256, 17, 256, 1, 90, 256, 256, 256, 256, 256, 256, 256, 40]
        let batches = SentenceEmbedder.batches(of: lengths.map { [Int32](repeating: 0, count: $0) })
        #expect(batches.flatMap { $0 }.sorted() == Array(lengths.indices))
        for batch in batches where batch.count > 1 {
            #expect(batch.reduce(0) { $0 + lengths[$1] } <= SentenceEmbedder.tokensPerBatch)
        }
    }
}
