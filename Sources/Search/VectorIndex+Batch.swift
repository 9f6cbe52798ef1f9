extension VectorIndex {
    /// The cosine of each of `paperIds` to each of `queries` (unit vectors): one array per query, in the order of
    /// `paperIds`, NaN where a paper has no vector. One lock, each paper's slot found once however many queries:
    /// what ranks a week of candidates against a member's interest clusters and topics at once.
    public func similarities(of paperIds: [String], toEach queries: [[Float]]) -> [[Float]] {
        let usable = queries.map { $0.count == dimensions }
        let quantized = queries.map { $0.count == dimensions ? VectorKernels.quantize($0) : ([], 0) }
        return lock.reading {
            let found = paperIds.map { slots[$0] }
            var result = [[Float]](repeating: [Float](repeating: .nan, count: paperIds.count), count: queries.count)
            components.withUnsafeBufferPointer { rows in
                guard let rows = rows.baseAddress else { return }
                for (number, (steps, scale)) in quantized.enumerated() where usable[number] {
                    steps.withUnsafeBufferPointer { query in
                        guard let query = query.baseAddress else { return }
                        for (position, slot) in found.enumerated() {
                            guard let slot else { continue }
                            let dot = VectorKernels.dot(query, rows + Int(slot) * dimensions, dimensions: dimensions)
                            result[number][position] = Float(dot) * scale * scales[Int(slot)]
                        }
                    }
                }
            }
            return result
        }
    }
}
