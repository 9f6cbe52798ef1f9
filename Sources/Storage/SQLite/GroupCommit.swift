import Synchronization

/// Group commit: write transactions that arrive together run one after another inside one SQLite transaction,
/// each in a savepoint of its own, and share a single COMMIT.
///
/// A transaction whose body throws is rolled back to its savepoint and reports its error; the others are kept.
/// Every caller gets its result only after the shared COMMIT, so nothing is reported written that was not.
/// Under load this turns many small commits (each writing the same hot pages to the WAL) into few larger ones.
/// The first caller that finds no batch running starts a leader task, on the writer thread, that runs batches until
/// the queue is empty; the callers wait without holding a thread.
final class GroupCommit: Sendable {
    /// One caller's transaction: `run` runs its body on the batch's connection and says whether it succeeded;
    /// `settle` resumes the caller once the batch is committed (nil) or has failed as a whole (the error).
    struct Job: Sendable {
        let run: @Sendable (any SQLConnection) async -> Bool
        let settle: @Sendable ((any Error)?) -> Void
    }

    private struct State {
        var queue: [Job] = []
        var leading = false
    }

    private let state = Mutex(State())
    private let maxBatch: Int
    /// Where batches run: off the threads that serve requests.
    private let writer: WriterThread

    init(maxBatch: Int = 200, writer: WriterThread) {
        self.maxBatch = maxBatch
        self.writer = writer
    }

    /// Runs `body` in a batch; `execute` runs one batch of jobs (BEGIN, savepoints, COMMIT) on a connection.
    func run<T: Sendable>(
        _ body: @Sendable (any SQLConnection) async throws -> T,
        execute: @escaping @Sendable ([Job]) async -> Void
    ) async throws -> T {
        try await withoutActuallyEscaping(body) { body in
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, any Error>) in
                let result = Mutex<Result<T, any Error>?>(nil)
                // The body is handed over once and dropped when taken, so no reference to it outlives this call
                // (which `withoutActuallyEscaping` checks) even while the batch still holds the job.
                let handover = Mutex<(@Sendable (any SQLConnection) async throws -> T)?>(body)
                let job = Job(
                    run: { connection in
                        guard let body = handover.withLock({ $0.take() }) else { return false }
                        do {
                            let value = try await body(connection)
                            result.withLock { $0 = .success(value) }
                            return true
                        } catch {
                            result.withLock { $0 = .failure(error) }
                            return false
                        }
                    },
                    settle: { batchError in
                        if let batchError { return continuation.resume(throwing: batchError) }
                        continuation.resume(with: result.withLock { $0 } ?? .failure(CancellationError()))
                    }
                )
                let lead = state.withLock { state -> Bool in
                    state.queue.append(job)
                    guard !state.leading else { return false }
                    state.leading = true
                    return true
                }
                if lead { Task(executorPreference: writer) { await self.drain(execute) } }
            }
        }
    }

    private func drain(_ execute: @Sendable ([Job]) async -> Void) async {
        while true {
            let batch = state.withLock { state -> [Job] in
                let count = min(state.queue.count, maxBatch)
                let batch = Array(state.queue.prefix(count))
                state.queue.removeFirst(count)
                if batch.isEmpty { state.leading = false }
                return batch
            }
            guard !batch.isEmpty else { return }
            await execute(batch)
        }
    }
}
