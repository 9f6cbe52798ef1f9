import Hummingbird
import PapersCore
import Search
import Storage

/// Every controller of the site, made once from the application's dependencies, for `RouteTable` to call.
struct RouteHandlers: Sendable {
    let pages: PageController
    let citations: CitationController
    let feeds: FeedController
    let listings: ListingController
    let api: APIController
    let search: SearchController
    let subscriptions: SubscriptionController
    let accounts: AccountController
    let settings: SettingsController
    let profiles: ProfileController
    let votes: VoteController
    let comments: CommentController
    let submissions: SubmitController
    let moderation: ModerationController
    let organizations: OrganizationController
    let collections: CollectionController
    let collectionAPI: CollectionAPIController
    let readingList: ReadingListController
    let forYou: ForYouController
    let follows: FollowController
    let health: @Sendable () async throws -> Response

    init(_ dependencies: AppDependencies) {
        let catalog = PaperCatalog(store: dependencies.store)
        let (clock, site) = (dependencies.clock, dependencies.site)
        let search = dependencies.search
        pages = PageController(
            catalog: catalog, clock: clock, subscribeBox: dependencies.mail.setup.isEnabled, community: dependencies.community,
            search: search, site: site, forYou: dependencies.forYou
        )
        citations = CitationController(catalog: catalog, site: site)
        feeds = FeedController(catalog: catalog, clock: clock, site: site)
        listings = ListingController(
            catalog: catalog, clock: clock, site: site, categories: dependencies.listingCategories, ingest: dependencies.ingest,
            forYou: dependencies.forYou)
        api = APIController(catalog: catalog, clock: clock, site: site)
        self.search = SearchController(
            search: search, catalog: catalog, clock: clock, site: site, semanticNotice: dependencies.semanticNotice, forYou: dependencies.forYou)
        subscriptions = SubscriptionController(mail: dependencies.mail, clock: clock)
        let community = dependencies.community
        accounts = AccountController(community: community, clock: clock)
        settings = SettingsController(community: community, forYou: dependencies.forYou, clock: clock)
        profiles = ProfileController(community: community, catalog: catalog, forYou: dependencies.forYou, clock: clock)
        votes = VoteController(community: community, clock: clock)
        comments = CommentController(community: community, clock: clock)
        submissions = SubmitController(community: community, clock: clock)
        moderation = ModerationController(community: community)
        organizations = OrganizationController(community: community)
        collections = CollectionController(community: community, catalog: catalog, site: site, forYou: dependencies.forYou, clock: clock)
        collectionAPI = CollectionAPIController(community: community, catalog: catalog, site: site, clock: clock)
        readingList = ReadingListController(community: community, search: search, catalog: catalog, site: site, clock: clock)
        forYou = ForYouController(features: dependencies.forYou, community: community, site: site, clock: clock)
        follows = FollowController(features: dependencies.forYou, community: community, clock: clock)
        let store = dependencies.store
        health = {
            _ = try await store.count()
            return Response(status: .ok, headers: [.contentType: "text/plain; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: "ok")))
        }
    }
}
