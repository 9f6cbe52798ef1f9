import PapersCore
import Storage
import TestSupport
import Testing

@Suite struct RequestSlotsTests {
    @Test(arguments: TestEngine.allCases) func concurrentBookingsNeverShareAnInterval(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database async throws in
            let slots = RequestSlots(database: database)
            let now = Timestamp(millisecondsSinceEpoch: 1_800_000_000_000)
            // Thirty requests booked at once, as three instances' harvesters would: each gets a slot of its own.
            let starts = try await withThrowingTaskGroup(of: Timestamp.self) { group in
                for _ in 0..<30 { group.addTask { try await slots.book("arxiv", interval: .seconds(3), at: now) } }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            let sorted = starts.map(\.millisecondsSinceEpoch).sorted()
            #expect(sorted.first == now.millisecondsSinceEpoch, "the first request goes at once")
            #expect(zip(sorted, sorted.dropFirst()).allSatisfy { $1 - $0 == 3_000 }, "every other one 3 s after the previous")
            // Long after the last slot, a request goes at once again; other sources have slots of their own.
            let later = Timestamp(millisecondsSinceEpoch: now.millisecondsSinceEpoch + 1_000_000)
            #expect(try await slots.book("arxiv", interval: .seconds(3), at: later) == later)
            #expect(try await slots.book("huggingface", interval: .seconds(1), at: now) == now)
        }
    }
}
