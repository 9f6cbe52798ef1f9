import Arxiv
import PapersCore
import Storage

/// A pacer shared by every instance on the database: each request books the next slot of its source in
/// `request_slots` and waits for it, so all instances together send at most one request per interval.
public struct SlotPacer: RequestPacer {
    /// The slot names of the rate-limited sources.
    public static let arxiv = "arxiv"
    public static let huggingface = "huggingface"

    let slots: RequestSlots
    let name: String
    let interval: Duration

    public init(database: any SQLDatabase, name: String, interval: Duration) {
        slots = RequestSlots(database: database)
        self.name = name
        self.interval = interval
    }

    public func waitForTurn() async throws {
        // Real time, not the site's clock: the slots space requests by real seconds for every instance, whatever
        // CLOCK_START each one runs from.
        let start = try await slots.book(name, interval: interval, at: .now)
        let wait = start.millisecondsSinceEpoch - Timestamp.now.millisecondsSinceEpoch
        if wait > 0 { try await Task.sleep(for: .milliseconds(wait)) }
    }
}
