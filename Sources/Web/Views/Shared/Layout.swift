import PapersCore
import Presentation

/// The page shell every HTML page shares: head, site header with its navigation, and footer.
enum Layout {
    /// Which navigation tab is current.
    enum Tab: Equatable { case daily, weekly, monthly, trending, forYou, none }

    /// A feed a page offers with `<link rel="alternate">`.
    struct Alternate {
        let title: String
        let path: String
        let type: String
    }

    /// The whole page around `content`, for `viewer` (nil: a visitor, whose pages are cached and shared).
    static func page(
        title: String, description: String? = nil, tab: Tab = .none, alternates: [Alternate]? = nil, viewer: Viewer?, content: HTML
    ) -> HTML {
        let feeds = alternates ?? Layout.Alternate.feeds(of: tab)
        let summary = description ?? "Daily Papers — the papers the research community found worth reading, ranked by upvotes."
        return """
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(title) · DailyPapers</title>
            <meta name="description" content="\(summary)">
            <meta property="og:site_name" content="DailyPapers"><meta property="og:title" content="\(title)">
            <meta property="og:description" content="\(summary)"><meta property="og:type" content="\(description == nil ? "website" : "article")">
            <meta name="twitter:card" content="summary"><meta name="color-scheme" content="light dark">
            \(HTML(joining: feeds.map { "<link rel=\"alternate\" type=\"\($0.type)\" title=\"\($0.title)\" href=\"\($0.path)\">" }))
            <link rel="stylesheet" href="\(Assets.stylesheet.path)">
            <link rel="icon" href="\(Assets.favicon.path)" type="image/svg+xml">
            </head>
            <body>
            <a class="skip" href="#main">Skip to the content</a>
            <header class="site">
            <div class="wrap">
            <a class="brand" href="\(Route.home.path)"><span class="logo" aria-hidden="true">▤</span> Daily Papers</a>
            <span class="tagline">— by the research community</span>
            <nav class="tabs" aria-label="Feeds">\(navigation(current: tab, member: viewer != nil))</nav>
            <form class="header-search" method="get" action="\(Route.search.path)" role="search"><input type="search" name="q" placeholder="Search papers  /" aria-label="Search papers" aria-keyshortcuts="/" maxlength="\(SearchParameters.maximumQueryLength)"></form>
            <nav class="account" aria-label="Account">\(accountLinks(viewer))</nav>
            </div>
            </header>
            <main id="main" class="wrap">
            \(content)
            </main>
            <footer class="wrap site">DailyPapers · open source, self-hostable · <a href="\(Route.apiPage.path)">JSON API</a> · <a href="\(Route.moderation.path)">Moderation log</a>
            <p class="keys">Keys: <kbd>j</kbd> <kbd>k</kbd> next and previous paper · <kbd>u</kbd> upvote it · <kbd>/</kbd> search</p></footer>
            <script src="\(Assets.keys.path)" defer></script>
            \(viewer == nil ? "" : HTML(unescaped: "<script src=\"\(Assets.votes.path)\" defer></script>"))
            </body>
            </html>
            """
    }

    /// "Log in · Sign up" for visitors; the member's name, profile (with their collections), reading list, submit,
    /// settings and log out for members.
    private static func accountLinks(_ viewer: Viewer?) -> HTML {
        guard let viewer else {
            return "<a href=\"\(Route.logInForm.path)\">Log in</a><a href=\"\(Route.signUpForm.path)\">Sign up</a>"
        }
        let moderation: HTML = viewer.user.role.canModerate ? "<a href=\"\(Route.moderation.path)\">Moderation</a>" : ""
        return """
            <details class="menu"><summary>\(viewer.user.username)</summary><div class="menu-items">\
            <a href="\(Route.user(viewer.user.username).path)">Your profile</a><a href="\(Route.saved.path)">Reading list</a>\
            <a href="\(Route.forYou.path)">For you</a><a href="\(Route.following.path)">Following</a>\
            <a href="\(Route.submitForm.path)">Submit a paper</a>\(moderation)\
            <a href="\(Route.settings.path)">Settings</a>\
            <form method="post" action="\(Route.logOut.path)">\(CSRF.hiddenField(viewer.csrf))<button class="link">Log out</button></form></div></details>
            """
    }

    /// The feeds' tabs; members also have their own, "For you".
    private static func navigation(current: Tab, member: Bool) -> HTML {
        let links: [(Tab, String, String)] =
            [
                (.daily, "Daily", Route.home.path),
                (.weekly, "Weekly", Route.latestWeek.path),
                (.monthly, "Monthly", Route.latestMonth.path),
                (.trending, "Trending", Route.trending.path),
            ] + (member ? [(.forYou, "For you", Route.forYou.path)] : [])
        let tabs = links.map { tab, label, href -> HTML in
            tab == current ? "<a href=\"\(href)\" aria-current=\"page\">\(label)</a>" : "<a href=\"\(href)\">\(label)</a>"
        }
        // Phones have no room for the header's search box: a tab leads to the search page instead.
        return HTML(joining: tabs + ["<a class=\"search-tab\" href=\"\(Route.search.path)\">Search</a>"])
    }
}
