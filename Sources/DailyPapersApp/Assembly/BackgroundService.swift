import ServiceLifecycle

/// A step run again and again beside the server (a poll, a catch-up), a pause between runs, until shutdown.
public struct BackgroundService: Service {
    let interval: Duration
    let step: @Sendable () async -> Void

    public init(every interval: Duration, _ step: @escaping @Sendable () async -> Void) {
        self.interval = interval
        self.step = step
    }

    public func run() async throws {
        try await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                await Self.untilDoneOrCancelled(step)
                do { try await Task.sleep(for: interval) } catch { return }
            }
        }
    }

    /// Runs `step`, but stops waiting for it when shutdown cancels this task: a step parked on a database that went
    /// away and came back (a pool waiting for a connection) must not hold the process up; it is cancelled too.
    private static func untilDoneOrCancelled(_ step: @escaping @Sendable () async -> Void) async {
        let (finished, signal) = AsyncStream<Void>.makeStream()
        let work = Task {
            await step()
            signal.finish()
        }
        await withTaskCancellationHandler {
            for await _ in finished {}
        } onCancel: {
            work.cancel()
            signal.finish()
        }
    }
}
