import Arxiv
import Foundation
import Ingestion
import PapersCore
import Storage

/// Mirrors Hugging Face's daily list (`GET /api/daily_papers?date=D`) day by day: the papers with HF's upvote and
/// comment counts as source counts (our members' own stay beside them), submitter, organization, AI summary and
/// keywords, repository and stars, project page and thumbnail. Resumable (the last complete day is the checkpoint)
/// and idempotent (a day synced twice changes nothing the second time).
public struct HubDailySync: Sendable {
    let context: HarvestContext
    var settings: HarvestSettings { context.settings }

    init(_ context: HarvestContext) {
        self.context = context
    }

    /// The day Hugging Face's list is on at `now`: it rolls over at 21:30 in New York.
    public static func currentDay(at now: Timestamp) -> Day {
        let local = EasternTime.local(now)
        return local.minuteOfDay >= 21 * 60 + 30 ? local.day.adding(days: 1) : local.day
    }

    /// Syncs every day from `from` (else the day after the checkpoint, else the configured start, else today) through
    /// Hugging Face's current day. Days before the current one are complete and move the checkpoint.
    public func run(
        from: Day? = nil, through last: Day? = nil, dryRun: Bool = false, now: Timestamp, report: HarvestReport = .silent
    ) async throws -> RunCounts {
        let current = Self.currentDay(at: now)
        let state = try await context.ingest.state(of: .huggingface)
        let first = from ?? state.checkpoint.flatMap { Day(iso: $0) }.map { $0.adding(days: 1) } ?? settings.hubFrom ?? current
        let end = min(last ?? current, current)
        guard first <= end else { return RunCounts() }
        var counts = RunCounts()
        let total = end.daysSinceEpoch - first.daysSinceEpoch + 1
        var day = first
        while day <= end {
            try await sync(day, dryRun: dryRun, counts: &counts, report: report)
            if !dryRun, day < current { try await context.ingest.save(.huggingface, checkpoint: day.description, resumptionToken: nil) }
            report.progress(day.daysSinceEpoch - first.daysSinceEpoch + 1, total)
            day = day.adding(days: 1)
        }
        return counts
    }

    private func sync(_ day: Day, dryRun: Bool, counts: inout RunCounts, report: HarvestReport) async throws {
        var components = URLComponents(url: settings.hubURL.appendingPathComponent("api/daily_papers"), resolvingAgainstBaseURL: false)
        components?.queryItems = [URLQueryItem(name: "date", value: day.description)]
        guard let url = components?.url else { throw HarvestError("The Hugging Face address \(settings.hubURL) is not a valid URL.") }
        counts.requests += 1
        let data: Data
        do {
            data = try await context.fetcher.fetch(url, onRetry: report.note)
        } catch let error as FetchError {
            throw HarvestError(error.description)
        }
        let read = Importer.dailyPapers(in: [UInt8](data), source: "daily_papers?date=\(day)")
        for rejection in read.rejections { report.note("skipped \(rejection)") }
        if read.updates.isEmpty, !read.rejections.isEmpty {
            throw HarvestError("Hugging Face's answer for \(day) holds no readable paper (\(read.rejections[0])).")
        }
        let updates = read.updates.map { update in
            // A day's list features its papers on that day, whatever the items' own times say.
            var featured = update
            featured.paper.featuredOn = day
            featured.fields.insert(.featuredOn)
            return featured
        }
        let applied = dryRun ? try await context.store.preview(updates) : try await context.store.apply(updates, at: context.clock())
        counts.added += applied.inserted
        counts.updated += applied.updated
        counts.skipped += applied.unchanged + read.rejections.count
    }
}
