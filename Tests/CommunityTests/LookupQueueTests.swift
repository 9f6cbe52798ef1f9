import Community
import PapersCore
import Testing

@Suite("arXiv lookup queue")
struct LookupQueueTests {
    /// Four slow lookups for unknown ids used to hold four requests for half a minute each while every other
    /// lookup waited behind them; now a lookup past the bounds is refused at once with a time to come back.
    @Test func lookupsPastTheBoundsAreRefusedAtOnceWithRetryAfter() async throws {
        let queue = LookupQueue(capacity: 2, perMember: 1, secondsPerLookup: 3)
        let gates = ["alice", "bob"].map { _ in AsyncStream<Void>.makeStream() }
        let (started, admitted) = AsyncStream<String>.makeStream()
        let running = Task {
            try await withThrowingTaskGroup(of: Void.self) { group in
                for (member, gate) in zip(["alice", "bob"], gates) {
                    group.addTask {
                        try await queue.run(for: member) {
                            admitted.yield(member)
                            for await _ in gate.stream { break }
                        }
                    }
                }
                try await group.waitForAll()
            }
        }
        var names: [String] = []
        for await name in started {
            names.append(name)
            if names.count == 2 { break }
        }
        #expect(queue.waiting == 2)
        await #expect(
            throws: CommunityError(.unavailable, "Your previous arXiv lookup is still running: wait for it, then try again.", retryAfterSeconds: 3)
        ) {
            try await queue.run(for: "alice") {}
        }
        do {
            try await queue.run(for: "carol") {}
            Issue.record("a third lookup was admitted past the capacity of two")
        } catch let error as CommunityError {
            #expect(error.kind == .unavailable)
            #expect(error.retryAfterSeconds == 6)
        }
        for gate in gates { gate.continuation.finish() }
        try await running.value
        #expect(queue.waiting == 0)
        #expect(try await queue.run(for: "carol") { "admitted" } == "admitted")
    }
}
