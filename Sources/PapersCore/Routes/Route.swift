/// Every address the site answers: pages, forms, feeds and the API. One case per method and path, so the same
/// value registers the handler (`Route(method:path:)` finds it) and prints every link to it (`path`).
public enum Route: Hashable, Sendable {
    // MARK: Pages of papers (GET)
    /// `/`: the latest featured day.
    case home
    /// `/papers`: the same page under HF's address.
    case papers
    case day(Day)
    /// `/papers/date?date=YYYY-MM-DD`: where the archive's date picker sends its day.
    case dayPicker
    /// `/papers/week`: redirects to the latest featured week.
    case latestWeek
    case week(ISOWeek)
    /// `/papers/month`: redirects to the latest featured month.
    case latestMonth
    case month(YearMonth)
    case trending
    case paper(id: String)
    /// `/papers/{id}.md`, which `huggingface_hub`'s `read_paper` fetches.
    case paperMarkdown(id: String)
    case organization(String)
    case user(String)
    case author(String)
    case search
    case moderation
    /// The latest arXiv announcement in the chosen categories (`?category=cs.CL&type=new|cross&date=…`).
    case newPapers
    /// A category's papers, newest first.
    case category(String)
    /// What each paper source did (operators).
    case ingestStatus

    // MARK: Feeds (GET)
    case dailyFeed(FeedFormat)
    case weekFeed(FeedFormat)
    case trendingFeed(FeedFormat)
    case organizationFeed(String, FeedFormat)
    case searchFeed(FeedFormat)
    case newPapersFeed(FeedFormat)
    case categoryFeed(String, FeedFormat)

    // MARK: Forms: the page (GET) and where it posts (POST)
    case signUpForm, signUp
    case logInForm, logIn
    case logOut
    case verifyEmailForm, verifyEmail
    case forgotPasswordForm, forgotPassword
    case resetPasswordForm, resetPassword
    case submitForm, submit
    case newOrganizationForm, createOrganization
    case addOrganizationMember(organization: String)
    case settings
    case changeSettings(SettingsAction)
    case revokeToken(id: String)
    case paperAction(id: String, PaperAction)
    case commentAction(id: String, CommentAction)
    case memberAction(name: String, MemberAction)
    case subscribeForm, subscribe
    case confirmSubscriptionForm, confirmSubscription
    case subscriptionSettings, saveSubscription
    case unsubscribeForm, unsubscribe

    // MARK: The HF-compatible JSON API
    case apiPage
    case openAPI
    case agentHarnesses
    case apiDailyPapers
    case apiPapers
    case apiPaper(id: String)
    case apiSearch
    case apiSimilar(id: String)
    case apiSubmit
    case apiIndex
    case apiUpvote(id: String)
    case apiRemoveUpvote(id: String)
    case apiComment(id: String)
    case apiReply(id: String, comment: String)

    // MARK: Machinery
    case health
    /// `/assets/{name}`: the stylesheet and scripts, named by a hash of their content.
    case asset(String)
}

/// The HTTP methods the site answers.
public enum RouteMethod: String, Sendable {
    case get = "GET", post = "POST", delete = "DELETE"
}

/// The two syndication formats every feed comes in.
public enum FeedFormat: String, CaseIterable, Sendable {
    case atom, rss
}

/// What a form on a paper page does (`POST /papers/{id}/{action}`).
public enum PaperAction: String, CaseIterable, Sendable {
    case upvote, comment = "comments", organization, hide, show
}

/// What a form on a comment does (`POST /comments/{id}/{action}`).
public enum CommentAction: String, CaseIterable, Sendable {
    case edit, delete, hide
}

/// What a moderator does to a member (`POST /users/{name}/{action}`).
public enum MemberAction: String, CaseIterable, Sendable {
    case ban, unban, role
}

/// The forms of the settings page (`POST /settings/{action}`).
public enum SettingsAction: String, CaseIterable, Sendable {
    case password, email, verify, createToken = "tokens", delete
}

/// A path that names a route but carries a value the route cannot take (a date that is no date).
public struct RouteError: Error, Sendable, Equatable {
    public let message: String

    public init(message: String) {
        self.message = message
    }
}
