import ForYou
import PapersCore
import Storage

/// Following and "For you": the services the pages and the API call.
public struct ForYouFeatures: Sendable {
    public let forYou: ForYouService
    public let follows: FollowService

    public init(forYou: ForYouService, follows: FollowService) {
        self.forYou = forYou
        self.follows = follows
    }

    /// Both services over `database`, ranking with `meaning` (nil: by follows alone), wired one way for the server
    /// and the tests alike.
    public static func assemble(
        database: any SQLDatabase, meaning: (any PaperMeaning)?, weights: ForYouWeights = .standard, days: Int = 7,
        clock: @escaping @Sendable () -> Timestamp
    ) -> ForYouFeatures {
        ForYouFeatures(
            forYou: ForYouService(stores: ForYouService.Stores(database: database), meaning: meaning, weights: weights, days: days, clock: clock),
            follows: FollowService(database: database, clock: clock))
    }
}
