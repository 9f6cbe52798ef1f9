internal import CKernels

/// Elementwise kernels the encoder runs between matrix products, written over 8-wide SIMD vectors so the compiler
/// keeps them in registers: exp (softmax), erf-based GELU, LayerNorm, and dot products.
enum VectorMath {
    /// e^x for x ≤ 88 (Cephes' single-precision polynomial; relative error about 2e-7). Rounding to an integer and
    /// building 2ⁿ use the float bit pattern (adding 1.5·2²³ leaves n in the low mantissa bits), because Swift's
    /// generic SIMD float↔int conversions are not vectorised.
    @inline(__always)
    static func exp(_ x: SIMD8<Float>) -> SIMD8<Float> {
        var clamped = x
        clamped.replace(with: SIMD8(repeating: -87.3), where: x .< -87.3)
        clamped.replace(with: SIMD8(repeating: 88.3), where: x .> 88.3)
        let magic = SIMD8<Float>(repeating: 12_582_912)
        let shifted = clamped * 1.442_695_04 + magic
        let n = shifted - magic
        var r = clamped - n * 0.693_359_375
        r = r + n * 2.121_944_4e-4
        var p = SIMD8<Float>(repeating: 1.987_569_15e-4)
        p = p * r + 1.398_199_950_7e-3
        p = p * r + 8.333_451_907_3e-3
        p = p * r + 4.166_579_589_4e-2
        p = p * r + 1.666_666_545_9e-1
        p = p * r + 5.000_000_120_1e-1
        p = p * r * r + r + 1
        let integer = unsafeBitCast(shifted, to: SIMD8<Int32>.self) &- 0x4B40_0000
        let power = (integer &+ 127) &<< 23
        return p * unsafeBitCast(power, to: SIMD8<Float>.self)
    }

    /// GELU as BERT defines it, 0.5·x·(1 + erf(x/√2)), with erf from Abramowitz–Stegun 7.1.26 (error < 1.5e-7).
    @inline(__always)
    static func gelu(_ x: SIMD8<Float>) -> SIMD8<Float> {
        let z = x * 0.707_106_781_2
        let a = z.replacing(with: -z, where: z .< 0)
        let t = 1 / (1 + 0.327_591_1 * a)
        var poly = SIMD8<Float>(repeating: 1.061_405_429)
        poly = poly * t - 1.453_152_027
        poly = poly * t + 1.421_413_741
        poly = poly * t - 0.284_496_736
        poly = poly * t + 0.254_829_592
        let erfAbs = 1 - poly * t * exp(-(a * a))
        let erf = erfAbs.replacing(with: -erfAbs, where: z .< 0)
        return 0.5 * x * (1 + erf)
    }

    static func geluInPlace(_ values: UnsafeMutablePointer<Float>, count: Int) {
        if sixteenWide { return dp_gelu(values, count) }
        var index = 0
        while index + 8 <= count {
            store(gelu(load(values + index)), values + index)
            index += 8
        }
        while index < count {
            var lane = SIMD8<Float>(repeating: 0)
            lane[0] = values[index]
            values[index] = gelu(lane)[0]
            index += 1
        }
    }

    /// Turns `rows` rows of `count` attention scores into probabilities, 16 wide where the CPU allows.
    static func softmaxRowsInPlace(_ scores: UnsafeMutablePointer<Float>, rows: Int, count: Int) {
        if sixteenWide { return dp_softmax_rows(scores, Int32(rows), Int32(count)) }
        for row in 0..<rows { softmaxInPlace(scores + row * count, count: count) }
    }

    /// Whether softmax and GELU run in `CKernels`' AVX-512 loops (twice the width of these).
    static let sixteenWide = dp_vector512() != 0

    /// Turns a row of attention scores into probabilities: exp(x − max) / Σ.
    static func softmaxInPlace(_ row: UnsafeMutablePointer<Float>, count: Int) {
        let whole = count / 8 * 8
        var maxima = SIMD8<Float>(repeating: -.infinity)
        for index in stride(from: 0, to: whole, by: 8) {
            let values = load(row + index)
            maxima.replace(with: values, where: values .> maxima)
        }
        var maximum = maxima.max()
        for index in whole..<count { maximum = max(maximum, row[index]) }
        let shift = SIMD8<Float>(repeating: maximum)
        var sums = SIMD8<Float>(repeating: 0)
        for index in stride(from: 0, to: whole, by: 8) {
            let e = exp(load(row + index) - shift)
            store(e, row + index)
            sums += e
        }
        var sum = sums.sum()
        for index in whole..<count {
            var lane = SIMD8<Float>(repeating: -.infinity)
            lane[0] = row[index] - maximum
            let e = exp(lane)[0]
            row[index] = e
            sum += e
        }
        let scale = SIMD8<Float>(repeating: 1 / sum)
        for index in stride(from: 0, to: whole, by: 8) { store(load(row + index) * scale, row + index) }
        for index in whole..<count { row[index] *= scale[0] }
    }

    /// `row = (row − mean) / √(variance + ε) · weight + bias`, over one row of `width` values (a multiple of 8).
    static func layerNormInPlace(
        _ row: UnsafeMutablePointer<Float>, width: Int, weight: UnsafePointer<Float>, bias: UnsafePointer<Float>, epsilon: Float = 1e-12
    ) {
        var sums = SIMD8<Float>(repeating: 0)
        for index in stride(from: 0, to: width, by: 8) { sums += load(row + index) }
        let mean = sums.sum() / Float(width)
        var squares = SIMD8<Float>(repeating: 0)
        for index in stride(from: 0, to: width, by: 8) {
            let centred = load(row + index) - mean
            squares += centred * centred
        }
        let inverse = 1 / (squares.sum() / Float(width) + epsilon).squareRoot()
        for index in stride(from: 0, to: width, by: 8) {
            let normalised = (load(row + index) - mean) * inverse
            store(normalised * load(weight + index) + load(bias + index), row + index)
        }
    }

    @inline(__always)
    static func load(_ pointer: UnsafePointer<Float>) -> SIMD8<Float> {
        UnsafeRawPointer(pointer).loadUnaligned(as: SIMD8<Float>.self)
    }

    @inline(__always)
    static func load(_ pointer: UnsafeMutablePointer<Float>) -> SIMD8<Float> { load(UnsafePointer(pointer)) }

    @inline(__always)
    static func store(_ value: SIMD8<Float>, _ pointer: UnsafeMutablePointer<Float>) {
        UnsafeMutableRawPointer(pointer).storeBytes(of: value, as: SIMD8<Float>.self)
    }
}
