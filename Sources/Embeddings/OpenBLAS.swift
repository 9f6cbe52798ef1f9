internal import COpenBLAS

/// How this process uses OpenBLAS: one thread per calling thread. Callers split their products between the cores
/// themselves (a query's columns, batches side by side), so OpenBLAS's own workers never spin in `sched_yield`
/// between products or serialise two callers behind its thread pool's lock.
public enum OpenBLAS {
    private static let configured: Void = openblas_set_num_threads(1)

    /// Sets OpenBLAS to one thread per caller (once per process; later calls do nothing).
    public static func runOneThreadPerCaller() {
        configured
    }
}
