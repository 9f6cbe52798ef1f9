internal import COpenBLAS
import Embeddings

/// Inverted lists for approximate search: every vector belongs to the list of its nearest centroid, and a search
/// scans the lists of the `probes` centroids nearest the query.
///
/// When the lists are built, the index renumbers its vectors so that each list is one contiguous range of slots
/// (`ranges`): a search then reads memory in order, which the processor prefetches, instead of jumping to a
/// random row per vector. Vectors placed later go to a list's `extra` slots; a vector that moved to another list
/// stays in its old range but is skipped there (`listOfSlot` says where it belongs).
struct IVFPartition: Sendable {
    let dimensions: Int
    let centroids: [Float]
    private(set) var ranges: [Range<Int32>]
    private(set) var extra: [[Int32]]
    private var listOfSlot: [Int32] = []

    /// About √n lists: a search scanning a few percent of them reads a few percent of the vectors.
    static func listCount(for vectors: Int) -> Int {
        min(4_096, max(16, Int(Double(vectors).squareRoot())))
    }

    var listCount: Int { ranges.count }

    /// Scanning about 1/16 of the lists keeps recall@10 above 0.95 on real embeddings (see docs/search.md).
    var defaultProbes: Int { max(4, listCount / 16) }

    init(centroids: [Float], dimensions: Int) {
        self.dimensions = dimensions
        self.centroids = centroids
        self.ranges = Array(repeating: 0..<0, count: centroids.count / dimensions)
        self.extra = Array(repeating: [], count: centroids.count / dimensions)
    }

    /// How many slots `list` reads (its contiguous range, moved-away slots included, and its extra slots).
    func size(of list: Int) -> Int { ranges[list].count + extra[list].count }

    /// Calls `body` with every slot of `list`.
    @inline(__always)
    func forEachSlot(in list: Int, _ body: (Int32) -> Void) {
        listOfSlot.withUnsafeBufferPointer { listOfSlot in
            for slot in ranges[list] where listOfSlot[Int(slot)] == Int32(list) { body(slot) }
        }
        extra[list].forEach(body)
    }

    /// The indexes of the `probes` centroids most similar to `vector`.
    func nearestLists(to vector: [Float], probes: Int) -> [Int] {
        var scores = [Float](repeating: 0, count: listCount)
        cblas_sgemv(
            CblasRowMajor, CblasNoTrans, Int32(listCount), Int32(dimensions), 1, centroids, Int32(dimensions),
            vector, 1, 0, &scores, 1)
        var best = TopK(capacity: min(probes, listCount))
        for (list, score) in scores.enumerated() { best.offer(slot: Int32(list), score: score) }
        return best.items.map { Int($0.slot) }
    }

    /// Puts one vector in its list (moving it if it was in another).
    mutating func place(slot: Int32, vector: [Float]) {
        let list = Int32(nearestLists(to: vector, probes: 1)[0])
        let index = Int(slot)
        if index < listOfSlot.count {
            let previous = Int(listOfSlot[index])
            if previous == list { return }
            if previous >= 0 { extra[previous].removeAll { $0 == slot } }
            listOfSlot[index] = list
        } else {
            listOfSlot.append(contentsOf: repeatElement(-1, count: index - listOfSlot.count))
            listOfSlot.append(list)
        }
        extra[Int(list)].append(slot)
    }

    /// The list of every stored vector, computed in blocks with one matrix product each.
    func assign(components: [Int8], scales: [Float]) -> [Int32] {
        let count = scales.count
        let block = 4_096
        var assigned = [Int32](repeating: 0, count: count)
        var rows = [Float](repeating: 0, count: block * dimensions)
        var scores = [Float](repeating: 0, count: block * listCount)
        for start in stride(from: 0, to: count, by: block) {
            let size = min(block, count - start)
            for row in 0..<size {
                let scale = scales[start + row]
                for index in 0..<dimensions {
                    rows[row * dimensions + index] = Float(components[(start + row) * dimensions + index]) * scale
                }
            }
            KMeans.similarities(rows, count: size, centroids: centroids, clusters: listCount, dimensions: dimensions, into: &scores)
            for row in 0..<size { assigned[start + row] = Int32(KMeans.argmax(scores, row: row, width: listCount)) }
        }
        return assigned
    }

    /// The order that makes each list contiguous: `order[new slot] = old slot`, lists one after another.
    static func contiguousOrder(of assigned: [Int32], listCount: Int) -> (order: [Int32], ranges: [Range<Int32>]) {
        var starts = [Int](repeating: 0, count: listCount + 1)
        for list in assigned { starts[Int(list) + 1] += 1 }
        for list in 0..<listCount { starts[list + 1] += starts[list] }
        let ranges = (0..<listCount).map { Int32(starts[$0])..<Int32(starts[$0 + 1]) }
        var order = [Int32](repeating: 0, count: assigned.count)
        for (slot, list) in assigned.enumerated() {
            order[starts[Int(list)]] = Int32(slot)
            starts[Int(list)] += 1
        }
        return (order, ranges)
    }

    /// Takes the lists as contiguous ranges of the renumbered slots (`contiguousOrder`).
    mutating func adopt(ranges: [Range<Int32>]) {
        self.ranges = ranges
        extra = Array(repeating: [], count: ranges.count)
        listOfSlot = [Int32](repeating: 0, count: Int(ranges.last?.upperBound ?? 0))
        for (list, range) in ranges.enumerated() {
            for slot in range { listOfSlot[Int(slot)] = Int32(list) }
        }
    }
}

/// Spherical k-means (cosine similarity, unit centroids) over row-major float vectors.
enum KMeans {
    static let iterations = 8

    static func train(_ sample: [Float], dimensions: Int, clusters: Int) -> [Float] {
        let count = sample.count / dimensions
        let k = min(clusters, count)
        // Start from rows spread evenly through the sample.
        var centroids = [Float]()
        for cluster in 0..<k {
            let row = cluster * count / k
            centroids.append(contentsOf: sample[(row * dimensions)..<((row + 1) * dimensions)])
        }
        var scores = [Float](repeating: 0, count: count * k)
        for _ in 0..<iterations {
            similarities(sample, count: count, centroids: centroids, clusters: k, dimensions: dimensions, into: &scores)
            var sums = [Float](repeating: 0, count: k * dimensions)
            var sizes = [Int](repeating: 0, count: k)
            for row in 0..<count {
                let cluster = argmax(scores, row: row, width: k)
                sizes[cluster] += 1
                for index in 0..<dimensions { sums[cluster * dimensions + index] += sample[row * dimensions + index] }
            }
            for cluster in 0..<k where sizes[cluster] > 0 {
                let slice = sums[(cluster * dimensions)..<((cluster + 1) * dimensions)]
                let norm = slice.reduce(0) { $0 + $1 * $1 }.squareRoot()
                guard norm > 0 else { continue }
                for index in 0..<dimensions { centroids[cluster * dimensions + index] = sums[cluster * dimensions + index] / norm }
            }
        }
        return centroids
    }

    /// `scores[row][cluster] = rows[row] · centroids[cluster]`: one sgemm per core over its share of the rows.
    static func similarities(_ rows: [Float], count: Int, centroids: [Float], clusters: Int, dimensions: Int, into scores: inout [Float]) {
        OpenBLAS.runOneThreadPerCaller()
        rows.withUnsafeBufferPointer { rows in
            scores.withUnsafeMutableBufferPointer { scores in
                guard let rowBase = rows.baseAddress, let scoreBase = scores.baseAddress else { return }
                let input = FloatBuffer(base: UnsafeMutablePointer(mutating: rowBase))
                let output = FloatBuffer(base: scoreBase)
                CoreSplit.everyCore.forEachPart(of: count) { _, part in
                    cblas_sgemm(
                        CblasRowMajor, CblasNoTrans, CblasTrans, Int32(part.count), Int32(clusters), Int32(dimensions), 1,
                        input.base + part.lowerBound * dimensions, Int32(dimensions), centroids, Int32(dimensions), 0,
                        output.base + part.lowerBound * clusters, Int32(clusters))
                }
            }
        }
    }

    static func argmax(_ scores: [Float], row: Int, width: Int) -> Int {
        var best = 0
        var bestScore = -Float.infinity
        for column in 0..<width where scores[row * width + column] > bestScore {
            bestScore = scores[row * width + column]
            best = column
        }
        return best
    }
}
