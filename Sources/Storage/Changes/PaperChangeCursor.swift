/// Where a reader of the change log is: the highest number seen, and lower numbers not seen yet.
///
/// SQLite numbers changes in commit order. PostgreSQL hands out numbers when rows are inserted, so a transaction
/// that started earlier can commit after a later one: its numbers appear below the highest one already seen. The
/// cursor remembers such gaps and asks for them again until they show up or `patience` passes (a rolled-back
/// transaction leaves a gap forever).
public struct PaperChangeCursor: Sendable {
    /// How long a skipped number is asked for again.
    public static let patience: Duration = .seconds(120)
    /// The most skipped numbers remembered at once.
    public static let maximumGaps = 10_000

    public private(set) var highest: Int64
    private var gaps: [Int64: ContinuousClock.Instant] = [:]

    public init(after seq: Int64) {
        highest = seq
    }

    /// Skipped numbers worth asking for again, lowest first.
    public var openGaps: [Int64] { gaps.keys.sorted() }

    /// Takes in changes read after `highest` (and any of `openGaps`).
    public mutating func advance(over changes: [PaperChange], at now: ContinuousClock.Instant = .now) {
        for change in changes.sorted(by: { $0.seq < $1.seq }) {
            if change.seq > highest {
                var missing = highest + 1
                while missing < change.seq, gaps.count < Self.maximumGaps {
                    gaps[missing] = now
                    missing += 1
                }
                highest = change.seq
            } else {
                gaps[change.seq] = nil
            }
        }
        gaps = gaps.filter { now - $0.value < Self.patience }
    }
}
