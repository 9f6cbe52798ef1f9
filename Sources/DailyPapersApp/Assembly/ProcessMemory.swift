internal import CThreads
import Foundation

/// How the process's allocator is set for a server that runs for months.
///
/// Measured with `scripts/bench/cache_memory.py` (one-off runs; `scripts/bench-hardening.sh` measures the result):
/// with glibc's defaults (eight arenas per core, a mapping threshold that grows up to 32 MiB), filling a 64 MiB
/// response cache with paper pages grew the process by 1.19× the limit and with small API answers by up to 1.6×:
/// freed page bodies and rendering buffers left holes between the entries that stay. With one arena per core and
/// bodies of 64 KiB or more mapped on their own, the growth stays within the limit.
public enum ProcessMemory {
    public static let mmapThreshold: Int32 = 64 * 1_024

    /// Applies the settings, unless the operator set glibc's own variables.
    public static func tune() {
        let environment = ProcessInfo.processInfo.environment
        guard environment["MALLOC_ARENA_MAX"] == nil, environment["MALLOC_MMAP_THRESHOLD_"] == nil else { return }
        dailypapers_tune_malloc(Int32(max(2, ProcessInfo.processInfo.activeProcessorCount)), mmapThreshold)
    }
}
