import Testing

@testable import Embeddings

@Suite("BLAS kernels")
struct BLASKernelTests {
    static let avx512: Set<String> = ["sse3", "avx", "avx2", "fma", "avx512f", "avx512cd", "avx512bw", "avx512dq", "avx512vl"]

    @Test("a generic fallback on a CPU with AVX-512, AVX2 or AVX is replaced by the best core type its flags allow")
    func fallbacksAreReplaced() {
        #expect(BLASKernel.better(than: "Prescott", flags: Self.avx512) == "SkylakeX")
        #expect(BLASKernel.better(than: "Prescott", flags: Self.avx512.union(["avx512_bf16"])) == "Cooperlake")
        #expect(BLASKernel.better(than: "Core2", flags: ["sse3", "avx", "avx2", "fma"]) == "Haswell")
        #expect(BLASKernel.better(than: "Nehalem", flags: ["sse3", "avx"]) == "Sandybridge")
        #expect(BLASKernel.better(than: "Prescott", flags: ["sse3", "ssse3"]) == nil, "nothing better on an old CPU")
    }

    @Test("a core OpenBLAS knows is left as it chose it")
    func knownCoresStand() {
        for known in ["SkylakeX", "Cooperlake", "Haswell", "Zen", "SapphireRapids"] {
            #expect(BLASKernel.better(than: known, flags: Self.avx512) == nil, "\(known)")
        }
    }

    @Test("the CPU's flags come from /proc/cpuinfo unless a test describes the CPU")
    func flags() {
        #expect(BLASKernel.cpuFlags([BLASKernel.flagsOverride: "avx2, fma sse3"]) == ["avx2", "fma", "sse3"])
        #expect(BLASKernel.cpuFlags([:]).contains("sse2"), "every x86-64 CPU has SSE2")
    }
}
