import Synchronization

/// Lets a bounded number of PostgreSQL test cases run at once; the others wait their turn, first come first served.
/// A case already inside the gate (one that opens a second schema) passes straight through, so nesting cannot deadlock.
public final class PostgresGate: Sendable {
    /// The one gate of a test run.
    public static let shared = PostgresGate(width: 4)

    @TaskLocal private static var isInside = false

    public let width: Int
    private let state = Mutex<(running: Int, waiting: [CheckedContinuation<Void, Never>])>((0, []))

    init(width: Int) {
        self.width = width
    }

    /// Runs `body` once a place is free.
    public func run<T: Sendable>(_ body: () async throws -> T) async throws -> T {
        if Self.isInside { return try await body() }
        await enter()
        defer { leave() }
        return try await Self.$isInside.withValue(true) { try await body() }
    }

    private func enter() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let admitted = state.withLock { state -> Bool in
                guard state.running < width else {
                    state.waiting.append(continuation)
                    return false
                }
                state.running += 1
                return true
            }
            if admitted { continuation.resume() }
        }
    }

    private func leave() {
        let next = state.withLock { state -> CheckedContinuation<Void, Never>? in
            guard !state.waiting.isEmpty else {
                state.running -= 1
                return nil
            }
            return state.waiting.removeFirst()
        }
        next?.resume()
    }
}
