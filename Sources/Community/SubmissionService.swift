import Arxiv
import PapersCore
import Storage

/// Submitting papers to the daily feed, and adding papers to the store without featuring them.
public struct SubmissionService: Sendable {
    let papers: SQLPaperStore
    let submissions: SQLSubmissionStore
    let arxiv: ArxivClient
    /// Holds the lookups waiting for arXiv, bounded in all and per member.
    public let lookups: LookupQueue
    public let policy: SubmissionPolicy
    let clock: @Sendable () -> Timestamp
    /// How long a member waits for arXiv at most, retries included: past it the answer is a 503 that says so.
    let lookupDeadline: Duration

    public init(
        papers: SQLPaperStore, submissions: SQLSubmissionStore, arxiv: ArxivClient, lookups: LookupQueue = LookupQueue(),
        policy: SubmissionPolicy, clock: @escaping @Sendable () -> Timestamp, lookupDeadline: Duration = .seconds(20)
    ) {
        self.lookupDeadline = lookupDeadline
        self.papers = papers
        self.lookups = lookups
        self.submissions = submissions
        self.arxiv = arxiv
        self.policy = policy
        self.clock = clock
    }

    /// Features the paper `reference` names (an arXiv id or URL) on today's feed, submitted by `user`.
    public func submit(_ reference: String, by user: User) async throws -> Paper {
        let id = try PaperReference.arxivId(from: reference)
        let now = clock()
        let known = try await papers.paper(id: id)
        let paper = if let known { known } else { try await lookups.run(for: user.username) { try await fetchAndStore(id) } }
        let submittedToday = try await submissions.submissionCount(username: user.username, on: now.day)
        try policy.check(paper, today: now.day, submittedToday: submittedToday)
        try await submissions.feature(paperId: paper.id, on: now.day, submitter: user.username, at: now)
        return try await papers.paper(id: paper.id) ?? paper
    }

    /// Adds the paper to the store (from arXiv when it is not there yet) without featuring it, for `user`.
    public func index(_ reference: String, by user: User) async throws -> (paper: Paper, added: Bool) {
        let id = try PaperReference.arxivId(from: reference)
        if let known = try await papers.paper(id: id) { return (known, false) }
        return (try await lookups.run(for: user.username) { try await fetchAndStore(id) }, true)
    }

    /// The paper from arXiv, stored the way an import stores it.
    private func fetchAndStore(_ id: String) async throws -> Paper {
        let fetched = try await withinDeadline { try await arxiv.paper(arxivId: id) }
        guard let fetched else { throw CommunityError.notFound("arXiv has no paper with the id \(id).") }
        let fields: Set<PaperField> = [
            .arxivId, .title, .abstract, .authors, .authorCount, .publishedAt, .categories, .arxivComments, .journalRef, .doi,
        ]
        _ = try await papers.apply([PaperUpdate(paper: fetched, fields: fields)], at: clock())
        guard let stored = try await papers.paper(id: id) else { throw CommunityError.notFound("The paper \(id) is hidden by moderators.") }
        return stored
    }

    /// arXiv's answer, or a 503 that says arXiv is slow once `lookupDeadline` has passed (the look-up is cancelled).
    private func withinDeadline(_ lookup: @escaping @Sendable () async throws -> Paper?) async throws -> Paper? {
        let deadline = lookupDeadline
        do {
            return try await withThrowingTaskGroup(of: Paper?.self) { group in
                group.addTask { try await lookup() }
                group.addTask {
                    try await Task.sleep(for: deadline)
                    throw CommunityError(.unavailable, "arXiv did not answer within \(deadline.components.seconds) s; try again in a few minutes.")
                }
                defer { group.cancelAll() }
                return try await group.next() ?? nil
            }
        } catch let error as ArxivError {
            throw CommunityError(.unavailable, error.description)
        }
    }
}
