import Arxiv
import Foundation
import PapersCore
import Storage

/// Reads arXiv's announcement listing for the chosen categories (one request: `rss.arxiv.org/rss/cs.CL+cs.LG`) and
/// stores its items: new and cross-listed papers with their announcement, replacements with their new version. With
/// `FeatureMode.all`, every new paper not featured yet is featured on the listing's day.
public struct ListingHarvester: Sendable {
    let context: HarvestContext
    var settings: HarvestSettings { context.settings }

    init(_ context: HarvestContext) {
        self.context = context
    }

    /// What a listing run found: the listing's day (nil for an empty listing) and what it did.
    public struct Outcome: Sendable, Equatable {
        public var day: Day?
        public var counts: RunCounts
    }

    public var url: URL {
        settings.listingURL.appendingPathComponent("rss").appendingPathComponent(settings.categories.joined(separator: "+"))
    }

    /// Fetches the listing once and stores it; `dryRun` writes nothing.
    public func run(dryRun: Bool = false, report: HarvestReport = .silent) async throws -> Outcome {
        var counts = RunCounts(requests: 1)
        let listing: Listing
        do {
            listing = try ListingParser.listing(from: try await context.fetcher.fetch(url, onRetry: report.note))
        } catch let error as FetchError {
            throw HarvestError(error.description)
        } catch let error as ArxivError {
            throw HarvestError(error.description)
        }
        guard let day = listing.day else { return Outcome(day: nil, counts: counts) }
        var updates = listing.items.map { $0.update(listingDay: day) }
        if settings.featureMode == .all { updates = try await featuring(updates, on: day) }
        let applied = dryRun ? try await context.store.preview(updates) : try await context.store.apply(updates, at: context.clock())
        counts.added = applied.inserted
        counts.updated = applied.updated
        counts.skipped = applied.unchanged
        report.progress(listing.items.count, listing.items.count)
        if !dryRun { try await context.ingest.save(.arxivListing, checkpoint: day.description, resumptionToken: nil) }
        return Outcome(day: day, counts: counts)
    }

    /// The updates with every first announcement in the chosen categories featured on `day`, unless already featured.
    private func featuring(_ updates: [PaperUpdate], on day: Day) async throws -> [PaperUpdate] {
        let known = try await context.store.sourcePapers(ids: updates.map(\.paper.id))
        return updates.map { update in
            guard update.paper.announcement?.kind.isFirstAnnouncement == true, settings.wants(update.paper.categories),
                known[update.paper.id]?.featuredOn == nil
            else { return update }
            var featured = update
            featured.paper.featuredOn = day
            featured.paper.submittedAt = Timestamp(day: day)
            featured.fields.formUnion([.featuredOn, .submittedAt])
            return featured
        }
    }
}
