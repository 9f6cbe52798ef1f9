import PapersCore
import Storage

/// A member's reading list: saving papers, marking them read, private notes. Only the member ever sees it.
public struct ReadingListService: Sendable {
    let store: SQLReadingListStore
    let papers: SQLPaperStore
    let clock: @Sendable () -> Timestamp

    public init(store: SQLReadingListStore, papers: SQLPaperStore, clock: @escaping @Sendable () -> Timestamp) {
        self.store = store
        self.papers = papers
        self.clock = clock
    }

    /// Saves a paper (a version suffix is dropped) or takes it off the list; whether it is saved after.
    public func save(_ rawId: String, saved: Bool, by user: User) async throws -> Bool {
        let id = PaperIdentity.normalizedArxivId(rawId) ?? rawId
        if saved, try await papers.paper(id: id) == nil { throw CommunityError.notFound("No paper with id '\(rawId)' is in DailyPapers.") }
        return try await store.setSaved(saved, userId: user.id, paperId: id, at: clock())
    }

    public func markRead(_ paperId: String, read: Bool, by user: User) async throws {
        guard try await store.setRead(read, userId: user.id, paperId: paperId, at: clock()) else { throw Self.notSaved(paperId) }
    }

    /// Sets the private note of a saved paper (an empty note removes it; at most 500 characters).
    public func note(_ paperId: String, _ text: String, by user: User) async throws {
        let note = try CollectionRules.note(text)
        guard try await store.setNote(note, userId: user.id, paperId: paperId) else { throw Self.notSaved(paperId) }
    }

    /// Which of `paperIds` (a page's papers) are on `user`'s list, for marking them.
    public func savedIds(of user: User, among paperIds: [String]) async throws -> Set<String> {
        try await store.savedIds(userId: user.id, among: paperIds)
    }

    /// The saved papers passing `filter`, last saved first, with each paper.
    public func entries(of user: User, filter: ReadingListFilter, limit: Int, offset: Int = 0) async throws -> [(entry: SavedPaper, paper: Paper)] {
        let entries = try await store.entries(userId: user.id, filter: filter, limit: limit, offset: offset)
        return try await attach(entries)
    }

    /// The ids of the saved papers passing `filter`, last saved first.
    public func savedIds(of user: User, filter: ReadingListFilter) async throws -> [String] {
        try await store.ids(userId: user.id, filter: filter)
    }

    /// The same, as a set: what a search within the list may rank (no sort needed).
    public func candidates(of user: User, filter: ReadingListFilter) async throws -> Set<String> {
        Set(try await store.ids(userId: user.id, filter: filter, ordered: false))
    }

    /// One page of a search's results within the list, in the search's order (`ranked` holds saved papers only).
    /// Only the page's papers are read.
    public func page(of user: User, ranked: [String], limit: Int, offset: Int) async throws -> [(entry: SavedPaper, paper: Paper)] {
        let page = Array(ranked.dropFirst(offset).prefix(limit))
        let entries = Dictionary(
            try await store.entries(userId: user.id, paperIds: page).map { ($0.paperId, $0) }, uniquingKeysWith: { one, _ in one })
        return try await attach(page.compactMap { entries[$0] })
    }

    /// How many papers the list holds, and how many of them are unread.
    public func counts(of user: User) async throws -> (total: Int, unread: Int) {
        try await store.counts(userId: user.id)
    }

    private func attach(_ entries: [SavedPaper]) async throws -> [(entry: SavedPaper, paper: Paper)] {
        let found = Dictionary(try await papers.papers(ids: entries.map(\.paperId)).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        return entries.compactMap { entry in found[entry.paperId].map { (entry, $0) } }
    }

    private static func notSaved(_ paperId: String) -> CommunityError {
        .notFound("Paper \(paperId) is not on your reading list: save it first.")
    }
}
