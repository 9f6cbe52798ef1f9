import PapersCore

/// What a cacheable route's answer varies by besides its path. Each route declares it here, in one exhaustive
/// switch, and `CacheKeys` derives every cache key from it: the fast path and the normal path cannot disagree.
struct CachePolicy: Sendable, Equatable {
    /// The query items the route reads; any other cannot change the answer, so it cannot make a new entry either.
    let queryItems: [String]
    /// The answer shows arXiv's quiet-day notice, which changes with the site's clock, not with the data.
    let calendar: Bool
    /// Members see pages of their own (their votes, their forms): only visitors' answers are kept.
    let visitorsOnly: Bool
    /// `Accept: text/markdown` asks for another body (a paper page as Markdown), kept apart.
    let markdownByAccept: Bool

    static func page(_ queryItems: [String] = [], calendar: Bool = false, markdownByAccept: Bool = false) -> CachePolicy {
        CachePolicy(queryItems: queryItems.sorted(), calendar: calendar, visitorsOnly: true, markdownByAccept: markdownByAccept)
    }

    /// Feeds and JSON answers are the same for everyone.
    static func shared(_ queryItems: [String] = []) -> CachePolicy {
        CachePolicy(queryItems: queryItems.sorted(), calendar: false, visitorsOnly: false, markdownByAccept: false)
    }
}

extension Route {
    /// How the route's answer is cached; nil when it never is (forms, writes, search, member pages).
    var caching: CachePolicy? {
        switch self {
            case .home, .papers: .page(["p", "has"], calendar: true)
            case .day, .week, .month: .page(["p", "has"])
            case .trending, .organization, .author, .category: .page(["p"])
            case .paper: .page(markdownByAccept: true)
            case .paperMarkdown, .user: .page()
            case .newPapers: .page(["category", "type", "date", "p"], calendar: true)
            case .dailyFeed, .weekFeed, .trendingFeed, .organizationFeed, .categoryFeed: .shared()
            case .newPapersFeed: .shared(["category", "type"])
            case .apiDailyPapers: .shared(Array(DailyPapersParameters.names))
            case .apiPapers: .shared(["cursor", "limit"])
            case .apiPaper: .shared()
            case .dayPicker, .latestWeek, .latestMonth, .search, .moderation, .ingestStatus, .searchFeed, .signUpForm, .signUp,
                .logInForm, .logIn, .logOut, .verifyEmailForm, .verifyEmail, .forgotPasswordForm, .forgotPassword, .resetPasswordForm,
                .resetPassword, .submitForm, .submit, .newOrganizationForm, .createOrganization, .addOrganizationMember, .settings,
                .changeSettings, .revokeToken, .paperAction, .commentAction, .memberAction, .subscribeForm, .subscribe,
                .confirmSubscriptionForm, .confirmSubscription, .subscriptionSettings, .saveSubscription, .unsubscribeForm, .unsubscribe,
                .apiPage, .openAPI, .agentHarnesses, .apiSearch, .apiSimilar, .apiSubmit, .apiIndex, .apiUpvote, .apiRemoveUpvote,
                .apiComment, .apiReply, .health, .asset:
                nil
        }
    }
}
