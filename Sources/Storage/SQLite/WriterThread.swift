import Foundation

/// A thread of its own for the write transactions' SQLite work, as a Swift task executor.
///
/// Tasks that prefer this executor run their jobs here, so a batch of writes never holds up the event-loop threads
/// that serve (mostly cached) pages meanwhile.
///
/// One thread serves every database of the process (SQLite takes one writer per database at a time anyway); it is
/// started on first use and lives as long as the process.
final class WriterThread: TaskExecutor, @unchecked Sendable {
    static let shared = WriterThread(name: "sqlite-writer")

    // `jobs` is only touched while `condition` is locked: hence `@unchecked Sendable`.
    private let condition = NSCondition()
    private var jobs: [UnownedJob] = []

    private init(name: String) {
        let thread = Thread { self.run() }
        thread.name = name
        thread.start()
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let unowned = UnownedJob(job)
        condition.lock()
        jobs.append(unowned)
        condition.signal()
        condition.unlock()
    }

    private func run() {
        while true {
            condition.lock()
            while jobs.isEmpty { condition.wait() }
            let batch = jobs
            jobs.removeAll(keepingCapacity: true)
            condition.unlock()
            for job in batch { job.runSynchronously(on: asUnownedTaskExecutor()) }
        }
    }
}
