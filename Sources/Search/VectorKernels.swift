/// The inner loops of vector search: similarity of a query with int8 rows, and a running top-k.
enum VectorKernels {
    /// The query as int16 steps of `scale` (max|q| / 32767): an integer dot product with int8 rows then
    /// vectorises (no float reassociation needed) and loses nothing a cosine of int8 rows can show.
    static func quantize(_ query: [Float]) -> (steps: [Int16], scale: Float) {
        let largest = query.reduce(0) { max($0, abs($1)) }
        let scale = largest > 0 ? largest / Float(Int16.max) : 1
        return (query.map { Int16(clamping: Int(($0 / scale).rounded())) }, scale)
    }

    /// Σ query[i] · row[i] over `dimensions`, in wrapping int32 arithmetic (it cannot overflow: 127 · 32767 ·
    /// 384 < 2³¹), written as a plain loop the compiler turns into multiply-add vector instructions.
    @inline(__always)
    static func dot(_ query: UnsafePointer<Int16>, _ row: UnsafePointer<Int8>, dimensions: Int) -> Int32 {
        var sum: Int32 = 0
        for index in 0..<dimensions { sum &+= Int32(truncatingIfNeeded: query[index]) &* Int32(truncatingIfNeeded: row[index]) }
        return sum
    }
}

/// The `capacity` best (highest-scoring) items seen so far, kept sorted best first.
struct TopK: HitCollector {
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

/// Where a scoring loop puts what it scored: the best few (`TopK`) or every hit (`EveryHit`).
protocol HitCollector {
    /// The score an item must beat to enter.
    var threshold: Float { get }
    mutating func offer(slot: Int32, score: Float)
}

/// Every item offered whose slot is among the chosen ones, in the order offered: a search within a reading list
/// keeps all of its matches, which a `TopK` as large as the list would insert one by one in quadratic time.
struct EveryHit: HitCollector {
    private var chosen: [Bool]
    private(set) var items: [(slot: Int32, score: Float)] = []
    var threshold: Float { -.infinity }

    init(among slots: [Int32], documents: Int) {
        chosen = [Bool](repeating: false, count: documents)
        for slot in slots { chosen[Int(slot)] = true }
    }

    mutating func offer(slot: Int32, score: Float) {
        if chosen[Int(slot)] { items.append((slot, score)) }
    }
}
