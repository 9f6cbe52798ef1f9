import Storage

/// What `serve` embeds in the background: once, every paper that lacks a vector; then only the papers the change
/// log names (new, edited or shown again), so an idle round costs one small query, not a scan of every paper.
public actor BackgroundEmbedder {
    /// Changes read per round.
    public static let changesPerRound = 5_000

    private let job: EmbeddingJob
    private let index: SemanticIndex
    private let store: SQLPaperStore
    private var cursor: PaperChangeCursor?

    public init(job: EmbeddingJob, index: SemanticIndex) {
        self.job = job
        self.index = index
        self.store = SQLPaperStore(database: job.database)
    }

    /// One round: embeds what is missing and loads what any instance stored. Returns how many papers it embedded.
    /// When another process holds the embedder lock, the same changes are looked at again next round.
    @discardableResult
    public func round() async throws -> Int {
        let refresh: @Sendable () async throws -> Void = { [index] in try await index.refresh() }
        var embedded = 0
        if var cursor {
            let changes = try await store.changeLog.changes(since: cursor, limit: Self.changesPerRound)
            if !changes.isEmpty {
                guard case .finished(let count) = try await job.run(candidates: changes.paperIds, afterBatch: refresh) else { return 0 }
                embedded = count
            }
            cursor.advance(over: changes)
            self.cursor = cursor
        } else {
            let start = try await store.changeLog.latestChangeSeq()
            guard case .finished(let count) = try await job.run(afterBatch: refresh) else { return 0 }
            embedded = count
            cursor = PaperChangeCursor(after: start)
        }
        try await index.refresh()
        return embedded
    }
}
