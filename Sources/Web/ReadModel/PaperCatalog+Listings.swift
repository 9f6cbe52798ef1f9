import PapersCore
import Storage

extension PaperCatalog {
    /// One page of arXiv's announcement listing as harvested: a day, its papers, and the neighbouring days.
    public struct ListingPage: Sendable {
        public let query: ListingQuery
        public let papers: [Paper]
        public let total: Int
        public let previous: Day?
        public let next: Day?
    }

    /// The announcement of `day` (nil: the newest one) in `categories`, of `kinds`; nil when nothing was harvested yet.
    public func listing(day: Day?, categories: [String], kinds: [Announcement.Kind], limit: Int, offset: Int) async throws -> ListingPage? {
        guard let shown = try await store.listings.latestAnnouncementDay(categories: categories, onOrBefore: day) else { return nil }
        if let day, shown != day { return nil }
        let query = ListingQuery(day: shown, categories: categories, kinds: kinds, limit: limit, offset: offset)
        let neighbours = try await store.listings.neighbouringAnnouncementDays(of: shown, categories: categories)
        return ListingPage(
            query: query, papers: try await store.listings.announcedPapers(query), total: try await store.listings.countAnnouncedPapers(query),
            previous: neighbours.previous, next: neighbours.next
        )
    }

    /// A category's papers, newest first, and how many there are.
    public func category(_ name: String, limit: Int, offset: Int) async throws -> (papers: [Paper], total: Int) {
        (try await store.listings.papers(inCategory: name, limit: limit, offset: offset), try await store.listings.countPapers(inCategory: name))
    }
}
