import Storage

/// Keeps a `KeywordIndex` in step with the database: every visible paper at start-up, then the change log.
///
/// Changes written while the first fill runs are replayed afterwards (the cursor starts where the log stood
/// before the fill), so nothing written meanwhile is missed; replaying a paper twice is harmless.
public actor KeywordIndexUpdater {
    /// Papers read per query during the first fill.
    public static let fillChunk = 2_000
    /// Changes read per refresh.
    public static let changesPerRefresh = 5_000

    public nonisolated let index: KeywordIndex
    private let store: SQLPaperStore
    private var cursor: PaperChangeCursor?

    public init(index: KeywordIndex, store: SQLPaperStore) {
        self.index = index
        self.store = store
    }

    /// Fills the index on the first call; afterwards applies what the change log says since the last call.
    /// Returns how many papers were read.
    @discardableResult
    public func catchUp() async throws -> Int {
        guard var cursor else { return try await fill() }
        let changes = try await store.changeLog.changes(since: cursor, limit: Self.changesPerRefresh)
        if !changes.isEmpty {
            let ids = changes.paperIds
            let papers = try await store.changeLog.searchablePapers(ids: ids)
            let present = Set(papers.map(\.paperId))
            await index.apply(upserting: papers, removing: ids.filter { !present.contains($0) })
        }
        cursor.advance(over: changes)
        self.cursor = cursor
        return changes.count
    }

    private func fill() async throws -> Int {
        let start = try await store.changeLog.latestChangeSeq()
        var read = 0
        var papers = try await store.changeLog.searchablePapers(after: nil, limit: Self.fillChunk)
        while let last = papers.last {
            // The next chunk is read while this one is indexed.
            async let next = store.changeLog.searchablePapers(after: last.paperId, limit: Self.fillChunk)
            await index.apply(upserting: papers, removing: [])
            read += papers.count
            papers = try await next
        }
        await index.finishFilling()
        cursor = PaperChangeCursor(after: start)
        return read
    }
}
