extension Route {
    /// The name of the organization, member and author in `examples`.
    static let exampleName = "example-org"

    /// One route of every case, with values that need escaping where a case takes text: the reserved names are
    /// derived from it, and the tests check that each one prints a path that parses back to itself.
    public static let examples: [Route] = pages + feeds + forms + api + [.health, .asset("site-0123456789ab.css")]

    private static let pages: [Route] = [
        .home, .papers, .day(Day(daysSinceEpoch: 20_395)), .dayPicker, .latestWeek, .week(ISOWeek(containing: Day(daysSinceEpoch: 20_395))),
        .latestMonth,
        .month(YearMonth(year: 2025, month: 11)), .trending, .paper(id: "2410.11779"), .paper(id: "quant-ph/0210005"),
        .paperMarkdown(id: "2410.11779"), .paperMarkdown(id: "quant-ph/0210005"), .organization(exampleName), .user(exampleName),
        .author("Yangyong Zhu / 朱"), .search, .moderation, .newPapers, .category("cs.CL"), .ingestStatus,
    ]

    private static let feeds: [Route] = FeedFormat.allCases.flatMap { format -> [Route] in
        [
            .dailyFeed(format), .weekFeed(format), .trendingFeed(format), .organizationFeed(exampleName, format), .searchFeed(format),
            .newPapersFeed(format), .categoryFeed("cs.CL", format),
        ]
    }

    private static let forms: [Route] =
        [
            .signUpForm, .signUp, .logInForm, .logIn, .logOut, .verifyEmailForm, .verifyEmail, .forgotPasswordForm, .forgotPassword,
            .resetPasswordForm, .resetPassword, .submitForm, .submit, .newOrganizationForm, .createOrganization,
            .addOrganizationMember(organization: exampleName), .settings, .revokeToken(id: "12"),
            .subscribeForm, .subscribe, .confirmSubscriptionForm, .confirmSubscription, .subscriptionSettings, .saveSubscription,
            .unsubscribeForm, .unsubscribe,
        ] + SettingsAction.allCases.map { .changeSettings($0) }
        + PaperAction.allCases.flatMap { [.paperAction(id: "2410.11779", $0), .paperAction(id: "quant-ph/0210005", $0)] }
        + CommentAction.allCases.map { .commentAction(id: "7", $0) }
        + MemberAction.allCases.map { .memberAction(name: exampleName, $0) }

    private static let api: [Route] = [
        .apiPage, .openAPI, .agentHarnesses, .apiDailyPapers, .apiPapers, .apiPaper(id: "2410.11779"), .apiPaper(id: "quant-ph/0210005"),
        .apiSearch, .apiSimilar(id: "2410.11779"), .apiSubmit, .apiIndex, .apiUpvote(id: "2410.11779"), .apiRemoveUpvote(id: "quant-ph/0210005"),
        .apiComment(id: "2410.11779"), .apiReply(id: "2410.11779", comment: "7"),
    ]
}
