import DailyPapersApp
import Embeddings
import NIOCore
import NIOPosix

// First of all, before any thread exists: OpenBLAS fell back to generic kernels on a CPU it does not know, the
// process starts again with the best ones the CPU allows (see `BLASKernel`).
BLASKernel.prepareProcess()
ProcessMemory.tune()

// Swift Concurrency's jobs run on NIO's event loops: a request no longer hops between the event loop and the
// global pool twice. Measured: about 1.6× the requests per second on a cached page (docs/benchmarks.md).
// It has to happen on the main thread before any task starts, hence top-level code rather than @main.
NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()

/// Runs the command with the async `main` (a top-level call would pick the synchronous overload).
func runCommand() async {
    await DailyPapers.main()
}

await runCommand()
