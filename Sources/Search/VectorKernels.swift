/// The inner loops of vector search: similarity of a float query with int8 rows, and a running top-k.
enum VectorKernels {
    /// Σ query[i] · row[i] over `dimensions` (a multiple of 16), in float, 16 lanes at a time.
    @inline(__always)
    static func dot(_ query: UnsafePointer<Float>, _ row: UnsafePointer<Int8>, dimensions: Int) -> Float {
        var sum = SIMD16<Float>(repeating: 0)
        var index = 0
        while index < dimensions {
            let bytes = UnsafeRawPointer(row + index).loadUnaligned(as: SIMD16<Int8>.self)
            let lanes = UnsafeRawPointer(query + index).loadUnaligned(as: SIMD16<Float>.self)
            sum += SIMD16<Float>(SIMD16<Int32>(truncatingIfNeeded: bytes)) * lanes
            index += 16
        }
        return sum.sum()
    }
}

/// The `capacity` best (highest-scoring) items seen so far, kept sorted best first.
struct TopK {
    let capacity: Int
    private(set) var items: [(slot: Int32, score: Float)] = []

    init(capacity: Int) {
        self.capacity = capacity
        items.reserveCapacity(capacity + 1)
    }

    /// The score an item must beat to enter.
    var threshold: Float { items.count < capacity ? -.infinity : items[items.count - 1].score }

    mutating func offer(slot: Int32, score: Float) {
        guard score > threshold else { return }
        var position = items.count
        while position > 0, items[position - 1].score < score { position -= 1 }
        items.insert((slot, score), at: position)
        if items.count > capacity { items.removeLast() }
    }
}
