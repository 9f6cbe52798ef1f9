import Mail
import PapersCore
import Storage

/// Composes the personal ("For you") digests due on a day into the outbox: for each member who chose one, the top
/// papers of their ranking that pass a quality bar and were never mailed to them, each with its reason. On arXiv's
/// calendar as the general digest (`DigestEdition.kinds`); nothing is sent to a member with nothing new that passes.
public struct PersonalDigestPublisher: Sendable {
    /// What composing did.
    public struct Summary: Sendable, Equatable {
        public var members = 0
        public var queued = 0
        public var alreadyQueued = 0
        public var nothingToSend = 0

        public init() {}
    }

    let forYou: ForYouService
    let digests: SQLPersonalDigestStore
    let papers: SQLPaperStore
    let composer: DigestComposer
    let calendar: ArxivCalendar
    /// The least personal score a paper needs to be mailed (a follow, a topic or clear closeness in meaning).
    public static let qualityBar = 0.1

    public init(forYou: ForYouService, digests: SQLPersonalDigestStore, papers: SQLPaperStore, composer: DigestComposer, calendar: ArxivCalendar) {
        self.forYou = forYou
        self.digests = digests
        self.papers = papers
        self.composer = composer
        self.calendar = calendar
    }

    /// Composes every personal edition due on `date`.
    public func compose(dueOn date: Day, now: Timestamp, batchSize: Int = 500) async throws -> Summary {
        var summary = Summary()
        let blocks = PersonalDigestBlocks()
        for kind in DigestEdition.kinds(dueOn: date, calendar: calendar) {
            var lastId: Int64 = 0
            while true {
                let members = try await digests.personalDigestMembers(frequency: Self.frequency(kind), after: lastId, limit: batchSize)
                guard let last = members.last else { break }
                lastId = last.id
                for member in members { try await compose(kind, for: member, blocks: blocks, now: now, into: &summary) }
            }
        }
        return summary
    }

    private func compose(
        _ kind: DigestEdition.Kind, for member: User, blocks: PersonalDigestBlocks, now: Timestamp, into summary: inout Summary
    ) async throws {
        summary.members += 1
        let picks = try await forYou.list(for: member).picks.filter { $0.reason.isPersonal && $0.personalScore >= Self.qualityBar }
        let sent = try await digests.personallySent(userId: member.id, among: picks.map(\.paperId))
        let chosen = Array(picks.filter { !sent.contains($0.paperId) }.prefix(DigestEdition.maxPapers))
        let found = Dictionary(try await papers.papers(ids: chosen.map(\.paperId)).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let items = chosen.compactMap { pick in found[pick.paperId].map { PersonalDigestItem(paper: $0, reason: pick.reason.text) } }
        guard let message = try composer.personalMessage(to: member, kind: kind, items: items, blocks: blocks, now: now) else {
            summary.nothingToSend += 1
            return
        }
        if try await digests.enqueuePersonal(message, userId: member.id, paperIds: items.map(\.paper.id), at: now) {
            summary.queued += 1
        } else {
            summary.alreadyQueued += 1
        }
    }

    static func frequency(_ kind: DigestEdition.Kind) -> Subscriber.Frequency {
        switch kind {
            case .daily: .daily
            case .weekly: .weekly
        }
    }
}
