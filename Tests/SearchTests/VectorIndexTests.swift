import Testing

@testable import Search

@Suite struct VectorIndexTests {
    /// Unit vectors around `clusters` random centres, like embeddings of papers on a few hundred topics.
    static func clusteredVectors(count: Int, clusters: Int, dimensions: Int, seed: UInt64) -> [[Float]] {
        var generator = SeededGenerator(seed: seed)
        let centres = (0..<clusters).map { _ in unit((0..<dimensions).map { _ in Float.random(in: -1...1, using: &generator) }) }
        return (0..<count).map { index in
            let centre = centres[index % clusters]
            return unit(centre.map { $0 + Float.random(in: -0.09...0.09, using: &generator) })
        }
    }

    static func unit(_ vector: [Float]) -> [Float] {
        let norm = vector.reduce(0) { $0 + $1 * $1 }.squareRoot()
        return vector.map { $0 / norm }
    }

    @Test func packedVectorsRoundTripAndKeepTheirDirection() throws {
        let vector = Self.unit((0..<384).map { Float($0 % 7) - 3 })
        let packed = PackedVector(vector)
        let read = try #require(PackedVector(bytes: packed.bytes, dimensions: 384))
        #expect(read == packed)
        #expect(packed.bytes.count == 388)
        let cosine = zip(vector, read.floats).reduce(0) { $0 + $1.0 * $1.1 } / read.floats.reduce(0) { $0 + $1 * $1 }.squareRoot()
        #expect(cosine > 0.9999)
        #expect(PackedVector(bytes: [1, 2, 3], dimensions: 384) == nil)
    }

    @Test func exactSearchFindsTheNearestAndExcludes() {
        let index = VectorIndex(dimensions: 32)
        let vectors = Self.clusteredVectors(count: 200, clusters: 10, dimensions: 32, seed: 1)
        index.upsert(vectors.enumerated().map { ("p\($0.offset)", PackedVector($0.element)) })
        let hits = index.nearest(to: vectors[42], count: 5)
        #expect(hits.first?.paperId == "p42")
        #expect((hits.first?.similarity ?? 0) > 0.995)
        #expect(hits.map(\.similarity) == hits.map(\.similarity).sorted(by: >))
        let others = index.nearest(to: vectors[42], count: 5, excluding: ["p42"])
        #expect(!others.contains { $0.paperId == "p42" })
        #expect(others.count == 5)
    }

    @Test func batchSimilaritiesAgreeWithOneQueryAtATime() {
        let index = VectorIndex(dimensions: 32)
        let vectors = Self.clusteredVectors(count: 50, clusters: 5, dimensions: 32, seed: 2)
        index.upsert(vectors.enumerated().map { ("p\($0.offset)", PackedVector($0.element)) })
        let ids = ["p3", "missing", "p7", "p49"]
        let batch = index.similarities(of: ids, toEach: [vectors[3], vectors[10], [1, 2]])
        for (row, query) in [vectors[3], vectors[10]].enumerated() {
            let single = index.similarities(of: ids, to: query)
            #expect(batch[row][0] == single["p3"] && batch[row][2] == single["p7"] && batch[row][3] == single["p49"])
            #expect(batch[row][1].isNaN, "a paper without a vector")
        }
        #expect(batch[2].allSatisfy { $0.isNaN }, "a query of the wrong size matches nothing")
    }

    @Test func upsertReplacesAPapersVector() {
        let index = VectorIndex(dimensions: 16)
        let a = Self.unit((0..<16).map { $0 == 0 ? 1 : 0 })
        let b = Self.unit((0..<16).map { $0 == 1 ? 1 : 0 })
        index.upsert([("x", PackedVector(a))])
        index.upsert([("x", PackedVector(b))])
        #expect(index.count == 1)
        #expect(index.nearest(to: b, count: 1).first?.similarity ?? 0 > 0.99)
    }

    /// 45,000 vectors: enough that an exact scan is split between the cores. The split scan finds what a plain
    /// float computation over the stored vectors finds.
    @Test func splitScansFindTheTrueNearest() {
        let dimensions = 32
        let vectors = Self.clusteredVectors(count: 45_000, clusters: 50, dimensions: dimensions, seed: 3)
        let index = VectorIndex(dimensions: dimensions, exactLimit: 100_000)
        index.upsert(vectors.enumerated().map { ("p\($0.offset)", PackedVector($0.element)) })
        let stored = vectors.map { PackedVector($0).floats }
        for query in Self.clusteredVectors(count: 5, clusters: 5, dimensions: dimensions, seed: 11) {
            let expected = stored.indices.map { ("p\($0)", zip(stored[$0], query).reduce(0) { $0 + $1.0 * $1.1 }) }
                .sorted { $0.1 > $1.1 }.prefix(10)
            let found = index.exactNearest(to: query, count: 10)
            #expect(found.count == 10)
            #expect(Set(found.map(\.paperId)).intersection(expected.map(\.0)).count >= 9)
            for (hit, truth) in zip(found, expected) { #expect(abs(hit.similarity - truth.1) < 0.002) }
        }
    }

    @Test func approximateSearchKeepsRecallAt10AboveNinetyFivePercent() async {
        let dimensions = 64
        // Queries are held-out points of the same collection, as real queries fall among real papers.
        let all = Self.clusteredVectors(count: 20_200, clusters: 300, dimensions: dimensions, seed: 7)
        let vectors = Array(all.prefix(20_000))
        let queries = Array(all.suffix(200))
        let index = VectorIndex(dimensions: dimensions, exactLimit: 5_000)
        index.upsert(vectors.enumerated().map { ("p\($0.offset)", PackedVector($0.element)) })
        #expect(await index.rebuildPartition())
        #expect(index.isApproximate)
        // Vectors added after the lists were built are found too.
        let late = Self.clusteredVectors(count: 50, clusters: 5, dimensions: dimensions, seed: 99)
        index.upsert(late.enumerated().map { ("late\($0.offset)", PackedVector($0.element)) })
        #expect(index.nearest(to: late[3], count: 1).first?.paperId == "late3")
        // A paper whose vector changes moves to another list: found at its new place, no longer at its old one.
        index.upsert([("p0", PackedVector(vectors[1]))])
        #expect(Set(index.nearest(to: vectors[1], count: 2).map(\.paperId)) == ["p0", "p1"])
        #expect(!index.nearest(to: vectors[0], count: 5).contains { $0.paperId == "p0" && $0.similarity > 0.999 })
        #expect(
            index.vector(of: "p7").map { v in zip(v, vectors[7]).reduce(0) { $0 + $1.0 * $1.1 } } ?? 0 > 0.999,
            "renumbering kept every vector with its paper")

        var found = 0
        for query in queries {
            let exact = Set(index.exactNearest(to: query, count: 10).map(\.paperId))
            found += index.nearest(to: query, count: 10).filter { exact.contains($0.paperId) }.count
        }
        let recall = Double(found) / Double(queries.count * 10)
        #expect(recall >= 0.95, "recall@10 \(recall)")
    }
}

/// A small deterministic generator (SplitMix64), so the test data is the same on every run.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
