import Dispatch
import Embeddings
import Foundation

/// Every paper's embedding in memory, for nearest-neighbour search by cosine similarity.
///
/// Vectors are kept packed (int8 and a scale, 388 bytes each). Up to `exactLimit` vectors every search scans them
/// all; above it, `rebuildPartition()` groups them into inverted lists around k-means centroids (IVF) and a search
/// scans only the lists nearest the query. Searches run concurrently; adding vectors waits for them.
public final class VectorIndex: @unchecked Sendable {
    public let dimensions: Int
    /// Up to this many vectors, searches are exact.
    public let exactLimit: Int
    /// How many inverted lists an approximate search scans; nil picks one from the list count.
    public let probes: Int?

    let lock = ReadWriteLock()
    private var ids: [String] = []
    private(set) var slots: [String: Int32] = [:]
    private(set) var components: [Int8] = []
    private(set) var scales: [Float] = []
    private var partition: IVFPartition?

    public init(dimensions: Int, exactLimit: Int = 50_000, probes: Int? = nil) {
        self.dimensions = dimensions
        self.exactLimit = exactLimit
        self.probes = probes
    }

    public var count: Int { lock.reading { ids.count } }

    /// True when searches scan inverted lists rather than every vector.
    public var isApproximate: Bool { lock.reading { partition != nil } }

    /// Adds or replaces vectors; vectors of the wrong length are ignored.
    public func upsert(_ vectors: [(paperId: String, vector: PackedVector)]) {
        lock.writing {
            for (paperId, vector) in vectors where vector.components.count == dimensions {
                let slot: Int32
                if let existing = slots[paperId] {
                    slot = existing
                    let start = Int(slot) * dimensions
                    components.replaceSubrange(start..<(start + dimensions), with: vector.components)
                    scales[Int(slot)] = vector.scale
                } else {
                    slot = Int32(ids.count)
                    slots[paperId] = slot
                    ids.append(paperId)
                    components.append(contentsOf: vector.components)
                    scales.append(vector.scale)
                }
                partition?.place(slot: slot, vector: vector.floats)
            }
        }
    }

    /// The stored vector of a paper, if it has one.
    public func vector(of paperId: String) -> [Float]? {
        lock.reading {
            guard let slot = slots[paperId] else { return nil }
            let start = Int(slot) * dimensions
            return components[start..<(start + dimensions)].map { Float($0) * scales[Int(slot)] }
        }
    }

    /// The cosine to `query` (a unit vector) of each of `paperIds` that has a vector: one lock, no vector copied,
    /// the same integer kernel as a scan (a reading list of 10,000 is scored in about a millisecond).
    /// Those below `minimum` are left out.
    public func similarities(of paperIds: some Sequence<String>, to query: [Float], atLeast minimum: Float = -1) -> [String: Float] {
        guard query.count == dimensions else { return [:] }
        let (steps, queryScale) = VectorKernels.quantize(query)
        return lock.reading {
            var found: [String: Float] = [:]
            found.reserveCapacity(paperIds.underestimatedCount)
            steps.withUnsafeBufferPointer { query in
                components.withUnsafeBufferPointer { rows in
                    guard let query = query.baseAddress, let rows = rows.baseAddress else { return }
                    for paperId in paperIds {
                        guard let slot = slots[paperId] else { continue }
                        let dot = VectorKernels.dot(query, rows + Int(slot) * dimensions, dimensions: dimensions)
                        let similarity = Float(dot) * queryScale * scales[Int(slot)]
                        if similarity >= minimum { found[paperId] = similarity }
                    }
                }
            }
            return found
        }
    }

    /// The `count` papers nearest `query` (a unit vector), best first, leaving out `excluded`.
    public func nearest(to query: [Float], count: Int, excluding excluded: Set<String> = []) -> [VectorHit] {
        scan(query, count: count, excluding: excluded, useLists: true)
    }

    /// Exact search whatever the size: the reference approximate results are measured against.
    public func exactNearest(to query: [Float], count: Int) -> [VectorHit] {
        scan(query, count: count, excluding: [], useLists: false)
    }

    /// Scores the vectors of the nearest inverted lists (or, without lists or `useLists`, every vector). Large scans
    /// are split between the cores: one search's latency is what a reader waits for.
    private func scan(_ query: [Float], count: Int, excluding excluded: Set<String>, useLists: Bool) -> [VectorHit] {
        guard query.count == dimensions, count > 0 else { return [] }
        return lock.reading {
            let capacity = count + excluded.count
            let (steps, queryScale) = VectorKernels.quantize(query)
            let work = scanWork(query, useLists: useLists)
            let parts = work.rows >= Self.rowsPerCore * 2 ? CoreSplit.cores : 1
            var partial = [TopK](repeating: TopK(capacity: capacity), count: parts)
            steps.withUnsafeBufferPointer { queryBuffer in
                components.withUnsafeBufferPointer { rows in
                    scales.withUnsafeBufferPointer { scales in
                        partial.withUnsafeMutableBufferPointer { partial in
                            guard let buffers = ScanBuffers(query: queryBuffer, rows: rows, scales: scales, results: partial) else { return }
                            let dimensions = self.dimensions
                            DispatchQueue.concurrentPerform(iterations: parts) { part in
                                var best = TopK(capacity: capacity)
                                work.forEachSlot(part: part, of: parts) { slot in
                                    let dot = VectorKernels.dot(buffers.query, buffers.rows + Int(slot) * dimensions, dimensions: dimensions)
                                    best.offer(slot: slot, score: Float(dot) * queryScale * buffers.scales[Int(slot)])
                                }
                                buffers.results[part] = best
                            }
                        }
                    }
                }
            }
            var best = partial[0]
            for item in partial.dropFirst().flatMap(\.items) { best.offer(slot: item.slot, score: item.score) }
            return best.items.lazy.filter { !excluded.contains(self.ids[Int($0.slot)]) }.prefix(count)
                .map { VectorHit(paperId: self.ids[Int($0.slot)], similarity: $0.score) }
        }
    }

    /// A scan is split between cores only when each gets at least this many vectors.
    static let rowsPerCore = 20_000

    /// What a scan reads: the probed lists, or every slot.
    private func scanWork(_ query: [Float], useLists: Bool) -> ScanWork {
        guard useLists, let partition else { return ScanWork(partition: nil, lists: [], rows: ids.count) }
        let lists = partition.nearestLists(to: query, probes: probes ?? partition.defaultProbes)
        return ScanWork(partition: partition, lists: lists, rows: lists.reduce(0) { $0 + partition.size(of: $1) })
    }

    /// Builds inverted lists when the index has grown past `exactLimit` (and drops them below it). Training reads a
    /// sample while searches go on; only the swap takes the write lock. Returns true when the index is approximate.
    @discardableResult
    public func rebuildPartition() async -> Bool {
        let (snapshotCount, sample) = lock.reading { (ids.count, ids.count > exactLimit ? trainingSample() : []) }
        guard snapshotCount > exactLimit else {
            lock.writing { partition = nil }
            return false
        }
        // Seconds of CPU at a million vectors: done on a thread of its own, off the cooperative pool.
        var built = await withCheckedContinuation { continuation in
            DispatchQueue.global(qos: .utility).async {
                let centroids = KMeans.train(sample, dimensions: self.dimensions, clusters: IVFPartition.listCount(for: snapshotCount))
                continuation.resume(returning: IVFPartition(centroids: centroids, dimensions: self.dimensions))
            }
        }
        let assigned = await withCheckedContinuation { continuation in
            DispatchQueue.global(qos: .utility).async { [built] in
                continuation.resume(returning: self.lock.reading { built.assign(components: self.components, scales: self.scales) })
            }
        }
        let (order, ranges) = IVFPartition.contiguousOrder(of: assigned, listCount: built.listCount)
        lock.writing {
            renumber(order)
            built.adopt(ranges: ranges)
            // Vectors added while the lists were being built are placed now.
            for slot in assigned.count..<ids.count {
                let start = slot * dimensions
                built.place(slot: Int32(slot), vector: components[start..<(start + dimensions)].map { Float($0) * scales[slot] })
            }
            partition = built
        }
        return true
    }

    /// Moves the first `order.count` vectors so that new slot `i` holds what old slot `order[i]` held.
    private func renumber(_ order: [Int32]) {
        var newComponents = [Int8]()
        newComponents.reserveCapacity(components.count)
        var newScales = [Float]()
        newScales.reserveCapacity(scales.count)
        var newIds = [String]()
        newIds.reserveCapacity(ids.count)
        for old in order.map(Int.init) {
            newComponents.append(contentsOf: components[(old * dimensions)..<((old + 1) * dimensions)])
            newScales.append(scales[old])
            newIds.append(ids[old])
        }
        newComponents.append(contentsOf: components[(order.count * dimensions)...])
        newScales.append(contentsOf: scales[order.count...])
        newIds.append(contentsOf: ids[order.count...])
        components = newComponents
        scales = newScales
        ids = newIds
        for (slot, id) in ids.enumerated() { slots[id] = Int32(slot) }
    }

    /// Up to 256 vectors per future list, spread evenly over the index, as floats.
    private func trainingSample() -> [Float] {
        let wanted = min(ids.count, IVFPartition.listCount(for: ids.count) * 64)
        let step = Double(ids.count) / Double(wanted)
        var sample: [Float] = []
        sample.reserveCapacity(wanted * dimensions)
        for index in 0..<wanted {
            let slot = Int(Double(index) * step)
            let start = slot * dimensions
            sample.append(contentsOf: components[start..<(start + dimensions)].map { Float($0) * scales[slot] })
        }
        return sample
    }
}

/// The memory a split scan reads, and one result slot per part (each part writes only its own).
private struct ScanBuffers: @unchecked Sendable {
    let query: UnsafePointer<Int16>
    let rows: UnsafePointer<Int8>
    let scales: UnsafePointer<Float>
    let results: UnsafeMutablePointer<TopK>

    init?(
        query: UnsafeBufferPointer<Int16>, rows: UnsafeBufferPointer<Int8>, scales: UnsafeBufferPointer<Float>,
        results: UnsafeMutableBufferPointer<TopK>
    ) {
        guard let query = query.baseAddress, let rows = rows.baseAddress, let scales = scales.baseAddress, let results = results.baseAddress else {
            return nil
        }
        self.query = query
        self.rows = rows
        self.scales = scales
        self.results = results
    }
}
