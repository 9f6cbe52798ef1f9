internal import COpenBLAS
import Foundation

/// Which OpenBLAS kernels this process runs, and why.
///
/// OpenBLAS picks its kernels when the library is loaded, from the CPUs it knows. On one it does not know, it falls
/// back to generic ones: Debian 12's 0.3.21 names a Sapphire Rapids Xeon "Prescott" and runs every product on SSE3,
/// about 4× slower than its AVX-512 kernels. `prepareProcess()`, the first thing `dailypapers` does, then starts the
/// process again with `OPENBLAS_CORETYPE` naming the best core type the CPU's flags allow — the variable is read
/// only at load time. An `OPENBLAS_CORETYPE` the operator set is left alone.
public struct BLASKernel: Sendable, Equatable {
    /// OpenBLAS's name for the kernels it runs.
    public let coreName: String
    /// Why these kernels run.
    public let reason: String

    /// Set on the process started again: what OpenBLAS had named the CPU before.
    static let fallbackVariable = "DAILYPAPERS_BLAS_FALLBACK"
    /// For tests: the core name to take as OpenBLAS's own choice, and the CPU's flags (space- or comma-separated).
    static let coreNameOverride = "DAILYPAPERS_BLAS_CORENAME"
    static let flagsOverride = "DAILYPAPERS_CPU_FLAGS"

    /// Core names OpenBLAS falls back to on a CPU it does not know (older, generic x86-64 kernels).
    static let fallbacks: Set<String> = ["prescott", "core2", "penryn", "dunnington", "nehalem", "atom", "katmai", "northwood", "banias", "unknown"]

    /// The core type to ask for instead of `coreName` on a CPU with `flags`; nil when OpenBLAS's choice stands.
    public static func better(than coreName: String, flags: Set<String>) -> String? {
        guard fallbacks.contains(coreName.lowercased()) else { return nil }
        if ["avx512f", "avx512cd", "avx512bw", "avx512dq", "avx512vl"].allSatisfy(flags.contains) {
            return flags.contains("avx512_bf16") ? "Cooperlake" : "SkylakeX"
        }
        if flags.contains("avx2") && flags.contains("fma") { return "Haswell" }
        if flags.contains("avx") { return "Sandybridge" }
        return nil
    }

    /// Starts the process again with better kernels when OpenBLAS fell back to generic ones. Call it first thing in
    /// `main`, before any thread, file or socket exists; when starting again fails, the process goes on as it is.
    public static func prepareProcess() {
        let environment = ProcessInfo.processInfo.environment
        guard environment["OPENBLAS_CORETYPE"] == nil, environment[fallbackVariable] == nil else { return }
        let reported = environment[coreNameOverride] ?? loadedCoreName
        guard let better = better(than: reported, flags: cpuFlags(environment)) else { return }
        setenv("OPENBLAS_CORETYPE", better, 1)
        setenv(fallbackVariable, reported, 1)
        execv("/proc/self/exe", CommandLine.unsafeArgv)
        unsetenv("OPENBLAS_CORETYPE")
    }

    /// The kernels of this process, and why.
    public static var current: BLASKernel {
        let environment = ProcessInfo.processInfo.environment
        let name = loadedCoreName
        if let fallback = environment[fallbackVariable] {
            return BLASKernel(
                coreName: name, reason: "chosen at start-up: OpenBLAS named this CPU \(fallback), a generic fallback, and its flags allow \(name)")
        }
        if let set = environment["OPENBLAS_CORETYPE"] { return BLASKernel(coreName: name, reason: "OPENBLAS_CORETYPE=\(set) was set") }
        return BLASKernel(coreName: name, reason: "OpenBLAS's own choice for this CPU")
    }

    /// One line for the log.
    public var summary: String { "embedding kernels: OpenBLAS \(coreName) (\(reason))" }

    private static var loadedCoreName: String {
        guard let name = openblas_get_corename() else { return "unknown" }
        return String(cString: name)
    }

    /// The CPU's feature flags, from `/proc/cpuinfo` (or the test's description).
    static func cpuFlags(_ environment: [String: String]) -> Set<String> {
        if let given = environment[flagsOverride] {
            return Set(given.split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init))
        }
        guard let info = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
            let line = info.split(separator: "\n").first(where: { $0.hasPrefix("flags") }),
            let colon = line.firstIndex(of: ":")
        else { return [] }
        return Set(line[line.index(after: colon)...].split(separator: " ").map(String.init))
    }
}
