import Community
import PapersCore

/// Which of a page's papers the signed-in member upvoted and saved. Read per page, for its papers only: a member
/// with 10,000 saved papers costs a page 50 look-ups, not 10,000 rows.
struct PaperMarks: Sendable {
    let votes: VoteService
    let readingLists: ReadingListService

    func of(_ user: User, among paperIds: [String]) async throws -> (upvoted: Set<String>, saved: Set<String>) {
        guard !paperIds.isEmpty else { return ([], []) }
        async let upvoted = votes.upvotedIds(of: user, among: paperIds)
        async let saved = readingLists.savedIds(of: user, among: paperIds)
        return (try await upvoted, try await saved)
    }
}
