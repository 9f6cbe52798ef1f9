/// Where a harvest tells of its progress: the CLI draws a bar and prints notes, the scheduler logs.
public struct HarvestReport: Sendable {
    /// Records seen so far, and the total when the source said it (OAI-PMH's `completeListSize`).
    public var progress: @Sendable (_ done: Int, _ total: Int?) -> Void
    /// A line worth telling (a retry, a restart from the checkpoint).
    public var note: @Sendable (String) -> Void

    public init(progress: @escaping @Sendable (Int, Int?) -> Void, note: @escaping @Sendable (String) -> Void) {
        self.progress = progress
        self.note = note
    }

    /// Tells nothing.
    public static let silent = HarvestReport(progress: { _, _ in }, note: { _ in })
}

/// Why a harvest run stopped before its end, in words an operator can act on.
public struct HarvestError: Error, Sendable, Equatable, CustomStringConvertible {
    public let description: String

    public init(_ description: String) {
        self.description = description
    }
}
