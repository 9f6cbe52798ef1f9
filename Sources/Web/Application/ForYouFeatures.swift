import ForYou

/// Following and "For you": the services the pages and the API call.
public struct ForYouFeatures: Sendable {
    public let forYou: ForYouService
    public let follows: FollowService

    public init(forYou: ForYouService, follows: FollowService) {
        self.forYou = forYou
        self.follows = follows
    }
}
