internal import CKernels

/// How the encoder's dense layers multiply: in bytes where the CPU multiplies bytes (VNNI), or in f32 everywhere.
public enum EncoderPrecision: String, Sendable, CaseIterable {
    /// Int8 dense layers on a CPU with AVX-512 VNNI or AVX-VNNI, f32 elsewhere.
    case automatic = "auto"
    /// f32 everywhere: the portable path, bit for bit the reference's arithmetic order aside.
    case float32 = "f32"

    /// The byte-product instructions the dense layers will use under this choice; nil for f32.
    var instructions: Int8Instructions? {
        self == .automatic ? Int8Instructions.available : nil
    }
}

/// The x86 instructions that multiply bytes, as the int8 kernels use them.
public enum Int8Instructions: Int32, Sendable {
    /// AVX-VNNI: 8 columns per instruction (Alder Lake and later, Zen 5's 256-bit form).
    case avxVNNI = 1
    /// AVX-512 VNNI: 16 columns per instruction (Cascade Lake, Ice Lake, Sapphire Rapids, Zen 4).
    case avx512VNNI = 2

    /// What this CPU has; nil when it multiplies no bytes.
    public static let available: Int8Instructions? = Int8Instructions(rawValue: dp_int8_instructions())

    /// Every kind this CPU has (a CPU with AVX-512 VNNI may lack AVX-VNNI, and the other way round).
    public static var supported: [Int8Instructions] {
        [.avxVNNI, .avx512VNNI].filter { dp_int8_supported($0.rawValue) != 0 }
    }

    /// The name used in the log.
    public var name: String {
        switch self {
            case .avxVNNI: "AVX-VNNI"
            case .avx512VNNI: "AVX-512 VNNI"
        }
    }
}
