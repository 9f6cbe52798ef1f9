import Dispatch
import PapersCore
import Synchronization
import Testing

@testable import Search

@Suite("Search workers")
struct SearchWorkersTests {
    @Test("one worker runs one search at a time; past the queue a search is refused with Retry-After")
    func boundedQueue() async throws {
        let workers = SearchWorkers(count: 1, queueLimit: 1)
        let release = DispatchSemaphore(value: 0)
        let running = Mutex(0)
        let most = Mutex(0)
        let body: @Sendable () -> Int = {
            let now = running.withLock {
                $0 += 1
                return $0
            }
            most.withLock { $0 = max($0, now) }
            release.wait()
            running.withLock { $0 -= 1 }
            return now
        }
        func search() async throws -> Int { try await workers.admitted { await workers.compute(body) } }
        async let first = search()
        async let second = search()
        while workers.load < 2 { await Task.yield() }
        await #expect {
            _ = try await workers.admitted { 0 }
        } throws: { error in
            guard let refusal = error as? CommunityError else { return false }
            return refusal.kind == .unavailable && refusal.retryAfterSeconds == 1 && refusal.message.contains("busy")
        }
        release.signal()
        release.signal()
        #expect(try await [first, second] == [1, 1])
        #expect(most.withLock { $0 } == 1)
        #expect(workers.load == 0)
        #expect(try await workers.admitted { await workers.compute { 7 } } == 7)
    }
}
