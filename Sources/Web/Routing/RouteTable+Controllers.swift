import Hummingbird
import PapersCore
import Search
import Storage

extension RouteTable {
    /// The controllers of every feature this server runs, over one read model of papers.
    init(_ dependencies: AppDependencies) {
        let catalog = PaperCatalog(store: dependencies.store)
        let (cache, clock, site) = (dependencies.cache, dependencies.clock, dependencies.site)
        let search = dependencies.search ?? (dependencies.store as? SQLPaperStore).map { PaperSearch(store: $0, semantic: nil) }
        pages = PageController(
            catalog: catalog, cache: cache, clock: clock, subscribeBox: dependencies.mail?.setup.isEnabled == true,
            community: dependencies.community, search: search, calendar: dependencies.arxivCalendar
        )
        feeds = FeedController(catalog: catalog, cache: cache, clock: clock, site: site)
        listings = ListingController(
            catalog: catalog, cache: cache, clock: clock, site: site, categories: dependencies.listingCategories,
            calendar: dependencies.arxivCalendar, ingest: dependencies.ingest
        )
        api = APIController(catalog: catalog, cache: cache, clock: clock, site: site)
        self.search = search.map { search in
            let notice = dependencies.semanticNotice ?? (search.semantic == nil ? "Search by meaning is off on this server: results match your words." : nil)
            return SearchController(search: search, catalog: catalog, clock: clock, site: site, semanticNotice: notice)
        }
        subscriptions = dependencies.mail.map { SubscriptionController(mail: $0, clock: clock) }
        community = dependencies.community.map { community in
            CommunityControllers(
                accounts: AccountController(community: community, clock: clock),
                settings: SettingsController(community: community, clock: clock),
                profiles: ProfileController(community: community, catalog: catalog, cache: cache, clock: clock),
                votes: VoteController(community: community, clock: clock),
                comments: CommentController(community: community, clock: clock),
                submissions: SubmitController(community: community, clock: clock),
                moderation: ModerationController(community: community),
                organizations: OrganizationController(community: community)
            )
        }
        let store = dependencies.store
        health = {
            _ = try await store.count()
            return Response(status: .ok, headers: [.contentType: "text/plain; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: "ok")))
        }
    }
}
