import Arxiv
import Foundation
import PapersCore
import Storage

/// Harvests arXiv's OAI-PMH records (`ListRecords`) into the store: from the checkpoint's datestamp (never `until`),
/// page by page along the resumption tokens, each page stored and then checkpointed, so a run killed at any point
/// is completed by the next one with nothing lost or doubled. Only papers in the chosen categories, or already known
/// here (their versions and licence are repaired), are stored; the rest count as skipped.
public struct OAIHarvester: Sendable {
    let context: HarvestContext
    var settings: HarvestSettings { context.settings }

    init(_ context: HarvestContext) {
        self.context = context
    }

    /// One run to the end of the list. `from` overrides the checkpoint (a backfill); `dryRun` writes nothing.
    public func run(from: Day? = nil, dryRun: Bool = false, now: Timestamp, report: HarvestReport = .silent) async throws -> RunCounts {
        let state = try await context.ingest.state(of: .arxivOAI)
        let start = from ?? state.checkpoint.flatMap { Day(iso: $0) } ?? settings.backfillFrom ?? now.day.adding(days: -7)
        // A run in progress resumes in the set and on the page it stopped at, unless a start date was asked for.
        var resume = from == nil ? state.resumptionToken.flatMap(ResumePoint.init(stored:)) : nil
        var counts = RunCounts()
        var listDate: Day?
        let sets = settings.oaiSets
        for set in sets.drop(while: { resume != nil && $0 != resume?.set }) {
            let token = resume?.set == set ? resume?.token : nil
            resume = nil
            let date = try await harvest(set: set, from: start, token: token, dryRun: dryRun, counts: &counts, report: report)
            listDate = [listDate, date].compactMap { $0 }.min()
        }
        if !dryRun {
            // The next run asks for what changed since this one's answers were dated.
            try await context.ingest.save(.arxivOAI, checkpoint: (listDate ?? start).description, resumptionToken: nil)
        }
        return counts
    }

    /// Harvests one set to the end of its list; returns the date of its first answer.
    private func harvest(
        set: String, from start: Day, token: String?, dryRun: Bool, counts: inout RunCounts, report: HarvestReport
    ) async throws -> Day? {
        var token = token
        var firstAnswer: Day?
        var restarted = false
        var seen = 0
        while true {
            let url = token.map(requestURL(resumptionToken:)) ?? requestURL(set: set, from: start)
            counts.requests += 1
            let page: OAIPage
            do {
                page = try OAIPMHParser.page(from: try await context.fetcher.fetch(url, onRetry: report.note))
            } catch let error as OAIError {
                switch error.known {
                    case .noRecordsMatch: return firstAnswer
                    case .badResumptionToken where !restarted:
                        // Tokens expire within a day: start the list again from the checkpoint's datestamp.
                        report.note("The resumption token has expired; starting \(set) again from \(start).")
                        restarted = true
                        token = nil
                        continue
                    default: throw HarvestError("\(error.description) (request: \(url.absoluteString)).")
                }
            } catch let error as FetchError {
                throw HarvestError(error.description)
            } catch let error as ArxivError {
                throw HarvestError(error.description)
            }
            firstAnswer = firstAnswer ?? page.responseDate?.day
            try await store(page, dryRun: dryRun, counts: &counts)
            seen += page.records.count + page.deletedIds.count
            // The token's cursor counts the records of the list before this page, when the repository gives it.
            report.progress(page.cursor.map { $0 + page.records.count + page.deletedIds.count } ?? seen, page.completeListSize)
            token = page.resumptionToken
            if !dryRun {
                try await context.ingest.save(
                    .arxivOAI, checkpoint: start.description, resumptionToken: token.map { ResumePoint(set: set, token: $0).stored })
            }
            if token == nil { return firstAnswer }
        }
    }

    /// Stores the page's papers that the instance wants: those in its categories and those it already holds.
    private func store(_ page: OAIPage, dryRun: Bool, counts: inout RunCounts) async throws {
        // Only whether each paper is here: `apply` reads the stored rows it merges with in its own transaction.
        let known = try await context.store.knownIds(among: page.records.map(\.id))
        var updates: [PaperUpdate] = []
        for record in page.records {
            guard settings.wants(record.categories) || known.contains(record.id), !record.title.isEmpty else {
                counts.skipped += 1
                continue
            }
            updates.append(record.update)
        }
        counts.skipped += page.deletedIds.count
        let applied = dryRun ? try await context.store.preview(updates) : try await context.store.apply(updates, at: context.clock())
        counts.added += applied.inserted
        counts.updated += applied.updated
        counts.skipped += applied.unchanged
    }

    func requestURL(set: String, from: Day) -> URL {
        url(["verb": "ListRecords", "metadataPrefix": settings.metadataPrefix, "set": set, "from": from.description])
    }

    func requestURL(resumptionToken: String) -> URL {
        url(["verb": "ListRecords", "resumptionToken": resumptionToken])
    }

    private func url(_ parameters: KeyValuePairs<String, String>) -> URL {
        var components = URLComponents(url: settings.oaiURL, resolvingAgainstBaseURL: false)
        components?.queryItems = parameters.map { URLQueryItem(name: $0.key, value: $0.value) }
        return components?.url ?? settings.oaiURL
    }
}

/// Where an interrupted list stands: the set and the token of its next page, stored as `set token`.
struct ResumePoint {
    let set: String
    let token: String

    init(set: String, token: String) {
        self.set = set
        self.token = token
    }

    init?(stored: String) {
        guard let space = stored.firstIndex(of: " ") else { return nil }
        set = String(stored[..<space])
        token = String(stored[stored.index(after: space)...])
    }

    var stored: String { "\(set) \(token)" }
}
