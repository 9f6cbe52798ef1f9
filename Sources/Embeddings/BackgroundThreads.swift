import CThreads
import Foundation
import Synchronization

/// Threads for work nobody waits for (embedding new papers while the site serves): each runs at a low OS priority
/// (by default nice 19, the lowest, set per thread), so the scheduler gives the cores to request handling first
/// and background work takes what is left. They are the embedder's own threads, never Dispatch's shared pool, whose threads
/// also run queries and must keep their normal priority.
public final class BackgroundThreads: Sendable {
    /// The default nice value of the threads (19 is the lowest priority).
    public static let lowestPriority: Int32 = 19

    public let count: Int
    /// The nice value the threads run at.
    public let niceness: Int32
    private let jobs = Mutex<[@Sendable () -> Void]>([])
    private let available = DispatchSemaphore(value: 0)

    public init(count: Int, niceness: Int32 = BackgroundThreads.lowestPriority) {
        self.count = max(1, count)
        self.niceness = min(19, max(0, niceness))
        for number in 0..<self.count {
            let thread = Thread { [self] in self.work() }
            thread.name = "background-\(number)"
            thread.start()
        }
    }

    /// Runs `body(0)` … `body(parts - 1)` on the background threads and returns when all are done.
    public func run(parts: Int, _ body: @escaping @Sendable (Int) -> Void) async {
        guard parts > 0 else { return }
        let left = Mutex(parts)
        await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
            for part in 0..<parts {
                submit {
                    body(part)
                    if left.withLock({
                        $0 -= 1
                        return $0
                    }) == 0 {
                        done.resume()
                    }
                }
            }
        }
    }

    /// The nice value of the calling thread.
    public static func currentNiceness() -> Int32 {
        #if os(Linux)
        errno = 0
        return getpriority(__priority_which_t(PRIO_PROCESS.rawValue), id_t(dailypapers_thread_id()))
        #else
        return getpriority(PRIO_PROCESS, 0)
        #endif
    }

    private func submit(_ job: @escaping @Sendable () -> Void) {
        jobs.withLock { $0.append(job) }
        available.signal()
    }

    private func work() {
        Self.lowerPriority(to: niceness)
        while true {
            available.wait()
            guard let job = jobs.withLock({ $0.isEmpty ? nil : $0.removeFirst() }) else { continue }
            job()
        }
    }

    /// On Linux a nice value set with the thread's id applies to that thread alone.
    private static func lowerPriority(to niceness: Int32) {
        guard niceness > 0 else { return }
        #if os(Linux)
        _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), id_t(dailypapers_thread_id()), niceness)
        #else
        _ = setpriority(PRIO_PROCESS, 0, niceness)
        #endif
    }
}
