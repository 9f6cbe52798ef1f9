import Hummingbird
import PapersCore
import Search
import Storage

/// Every controller of the site, made once from the application's dependencies, for `RouteTable` to call. A
/// controller of a feature this server does not run (no mail, no accounts) is nil, and its routes answer 404.
struct RouteHandlers: Sendable {
    let pages: PageController
    let feeds: FeedController
    let listings: ListingController
    let api: APIController
    let search: SearchController
    let subscriptions: SubscriptionController?
    let accounts: AccountController?
    let settings: SettingsController?
    let profiles: ProfileController?
    let votes: VoteController?
    let comments: CommentController?
    let submissions: SubmitController?
    let moderation: ModerationController?
    let organizations: OrganizationController?
    let health: @Sendable () async throws -> Response

    init(_ dependencies: AppDependencies) {
        let catalog = PaperCatalog(store: dependencies.store)
        let (clock, site) = (dependencies.clock, dependencies.site)
        let search = dependencies.search ?? PaperSearch(store: dependencies.store, semantic: nil)
        pages = PageController(
            catalog: catalog, clock: clock, subscribeBox: dependencies.mail?.setup.isEnabled == true, community: dependencies.community,
            search: search
        )
        feeds = FeedController(catalog: catalog, clock: clock, site: site)
        listings = ListingController(
            catalog: catalog, clock: clock, site: site, categories: dependencies.listingCategories, ingest: dependencies.ingest)
        api = APIController(catalog: catalog, clock: clock, site: site)
        let notice =
            dependencies.semanticNotice ?? (search.semantic == nil ? "Search by meaning is off on this server: results match your words." : nil)
        self.search = SearchController(search: search, catalog: catalog, clock: clock, site: site, semanticNotice: notice)
        subscriptions = dependencies.mail.map { SubscriptionController(mail: $0, clock: clock) }
        let community = dependencies.community
        accounts = community.map { AccountController(community: $0, clock: clock) }
        settings = community.map { SettingsController(community: $0, clock: clock) }
        profiles = community.map { ProfileController(community: $0, catalog: catalog, clock: clock) }
        votes = community.map { VoteController(community: $0, clock: clock) }
        comments = community.map { CommentController(community: $0, clock: clock) }
        submissions = community.map { SubmitController(community: $0, clock: clock) }
        moderation = community.map { ModerationController(community: $0) }
        organizations = community.map { OrganizationController(community: $0) }
        let store = dependencies.store
        health = {
            _ = try await store.count()
            return Response(status: .ok, headers: [.contentType: "text/plain; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: "ok")))
        }
    }
}
