import Embeddings
import Synchronization
import Testing

@Suite struct BackgroundThreadsTests {
    /// Background work runs on threads of the lowest priority, every part once, and the caller keeps its own.
    @Test func partsRunOnceEachAtTheLowestPriority() async {
        let threads = BackgroundThreads(count: 2)
        let seen = Mutex<[Int: Int32]>([:])
        await threads.run(parts: 16) { part in
            let niceness = BackgroundThreads.currentNiceness()
            seen.withLock { $0[part] = niceness }
        }
        let result = seen.withLock { $0 }
        #expect(result.keys.sorted() == Array(0..<16))
        #expect(result.values.allSatisfy { $0 == BackgroundThreads.lowestPriority })
        #expect(BackgroundThreads.currentNiceness() == 0)
    }

    @Test func aNiceValueOfZeroKeepsTheNormalPriority() async {
        let threads = BackgroundThreads(count: 1, niceness: 0)
        let seen = Mutex<Int32>(-1)
        await threads.run(parts: 1) { _ in seen.withLock { $0 = BackgroundThreads.currentNiceness() } }
        #expect(seen.withLock { $0 } == 0)
    }
}
