import Community
import ForYou
import PapersCore

/// Which of a page's papers the signed-in member upvoted and saved. Read per page, for its papers only: a member
/// with 10,000 saved papers costs a page 50 look-ups, not 10,000 rows.
struct PaperMarks: Sendable {
    let votes: VoteService
    let readingLists: ReadingListService
    let follows: FollowService

    func of(_ user: User, among paperIds: [String]) async throws -> (upvoted: Set<String>, saved: Set<String>) {
        guard !paperIds.isEmpty else { return ([], []) }
        async let upvoted = votes.upvotedIds(of: user, among: paperIds)
        async let saved = readingLists.savedIds(of: user, among: paperIds)
        return (try await upvoted, try await saved)
    }

    /// The organizations the member follows (at most `FollowRules.maximumFollows` rows), for the cards' Follow.
    func followedOrganizations(of user: User) async throws -> Set<String> {
        Set(try await follows.follows(of: user).filter { $0.kind == .organization }.map(\.key))
    }
}
