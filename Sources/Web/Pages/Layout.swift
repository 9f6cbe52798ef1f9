import PapersCore

/// The page shell every HTML page shares: head, site header with its navigation, and footer.
enum Layout {
    /// Which navigation tab is current.
    enum Tab: Equatable { case daily, weekly, monthly, trending, none }

    /// A feed a page offers with `<link rel="alternate">`.
    struct Alternate {
        let title: String
        let path: String
        let type: String
    }

    /// The whole page around `content`, for `viewer` (nil: a visitor, whose pages are cached and shared).
    static func page(title: String, description: String? = nil, tab: Tab = .none, alternates: [Alternate]? = nil, viewer: Viewer?, content: HTML) -> HTML {
        let feeds = alternates ?? Layout.Alternate.feeds(of: tab)
        return """
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(title) · DailyPapers</title>
        <meta name="description" content="\(description ?? "Daily Papers — the papers the research community found worth reading, ranked by upvotes.")">
        \(HTML(joining: feeds.map { "<link rel=\"alternate\" type=\"\($0.type)\" title=\"\($0.title)\" href=\"\($0.path)\">" }))
        <link rel="stylesheet" href="\(Assets.stylesheet.path)">
        </head>
        <body>
        <header class="site">
        <div class="wrap">
        <a class="brand" href="\(Route.home.path)"><span class="logo" aria-hidden="true">▤</span> Daily Papers</a>
        <span class="tagline">— by the research community</span>
        <nav aria-label="Feeds">\(navigation(current: tab))</nav>
        <form class="header-search" method="get" action="\(Route.search.path)" role="search"><input type="search" name="q" placeholder="Search papers" aria-label="Search papers" maxlength="\(SearchParameters.maximumQueryLength)"></form>
        <nav class="account" aria-label="Account">\(accountLinks(viewer))</nav>
        </div>
        </header>
        <main class="wrap">
        \(content)
        </main>
        <footer class="wrap site">DailyPapers · open source, self-hostable · <a href="\(Route.apiPage.path)">JSON API</a> · <a href="\(Route.moderation.path)">Moderation log</a></footer>
        \(viewer == nil ? "" : HTML(unescaped: "<script src=\"\(Assets.votes.path)\" defer></script>"))
        </body>
        </html>
        """
    }

    /// "Log in · Sign up" for visitors; the member's name, submit, settings and log out for members.
    private static func accountLinks(_ viewer: Viewer?) -> HTML {
        guard let viewer else {
            return "<a href=\"\(Route.logInForm.path)\">Log in</a><a href=\"\(Route.signUpForm.path)\">Sign up</a>"
        }
        let moderation: HTML = viewer.user.role.canModerate ? "<a href=\"\(Route.moderation.path)\">Moderation</a>" : ""
        return """
            <a href="\(Route.submitForm.path)">Submit</a>\(moderation)<a href="\(Route.user(viewer.user.username).path)">\(viewer.user.username)</a><a href="\(Route.settings.path)">Settings</a>
            <form method="post" action="\(Route.logOut.path)" class="inline">\(CSRF.hiddenField(viewer.csrf))<button class="link">Log out</button></form>
            """
    }

    private static func navigation(current: Tab) -> HTML {
        let links: [(Tab, String, String)] = [
            (.daily, "Daily", Route.home.path),
            (.weekly, "Weekly", Route.latestWeek.path),
            (.monthly, "Monthly", Route.latestMonth.path),
            (.trending, "Trending", Route.trending.path),
        ]
        return HTML(joining: links.map { tab, label, href in
            tab == current ? "<a href=\"\(href)\" aria-current=\"page\">\(label)</a>" : "<a href=\"\(href)\">\(label)</a>"
        })
    }

    static let stylesheet = HTML(unescaped: """
        :root{--fg:#111827;--muted:#6b7280;--line:#e5e7eb;--bg:#fff;--card:#f9fafb;--accent:#2563eb}
        @media (prefers-color-scheme:dark){:root{--fg:#e5e7eb;--muted:#9ca3af;--line:#1f2937;--bg:#0b0f19;--card:#111827;--accent:#60a5fa}}
        *{box-sizing:border-box}body{margin:0;font:16px/1.5 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;color:var(--fg);background:var(--bg)}
        a{color:var(--accent);text-decoration:none}a:hover{text-decoration:underline}
        .wrap{max-width:60rem;margin:0 auto;padding:0 1rem}
        header.site{border-bottom:1px solid var(--line);padding:.75rem 0;margin-bottom:1rem}
        header.site .wrap{display:flex;flex-wrap:wrap;align-items:baseline;gap:.5rem 1rem}
        .brand{font-weight:700;font-size:1.25rem;color:var(--fg)}.tagline{color:var(--muted)}
        nav{margin-left:auto;display:flex;gap:.75rem}nav a[aria-current]{font-weight:600;color:var(--fg)}
        h1{font-size:1.5rem;margin:.25rem 0}.sub{color:var(--muted);margin:0 0 1rem}
        .pager{display:flex;justify-content:space-between;gap:1rem;margin:1rem 0}
        .cards{list-style:none;margin:0;padding:0;display:grid;gap:.75rem}
        .card{background:var(--card);border:1px solid var(--line);border-radius:.75rem;padding:1rem;display:flex;gap:1rem}
        .card .votes{min-width:3rem;text-align:center;font-weight:600}.card .votes small{display:block;color:var(--muted);font-weight:400;font-size:.75rem}
        .page-votes{float:right}
        .card h2{font-size:1.05rem;margin:0 0 .25rem}.card h2 a{color:var(--fg)}
        .card p.abstract{margin:0 0 .5rem;color:var(--muted);display:-webkit-box;-webkit-line-clamp:3;-webkit-box-orient:vertical;overflow:hidden}
        .meta{color:var(--muted);font-size:.875rem}.meta a{color:inherit;font-weight:600}
        .empty{padding:2rem;text-align:center;color:var(--muted);border:1px dashed var(--line);border-radius:.75rem}
        article.paper h1{font-size:1.75rem}.authors{color:var(--muted)}.links{display:flex;flex-wrap:wrap;gap:.5rem;margin:1rem 0;padding:0;list-style:none}
        .links a{border:1px solid var(--line);border-radius:999px;padding:.25rem .75rem;display:inline-block}
        dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem}dl.facts dt{color:var(--muted)}dl.facts dd{margin:0}
        .summary{background:var(--card);border-left:3px solid var(--accent);padding:.5rem 1rem}
        .formula{background:var(--card);border:1px solid var(--line);border-radius:.5rem;padding:.5rem 1rem;font-family:ui-monospace,monospace}
        form.subscribe{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center;background:var(--card);border:1px solid var(--line);border-radius:.75rem;padding:.75rem 1rem;margin:0 0 1rem}
        form.subscribe input{flex:1;min-width:12rem}
        input,button{font:inherit;padding:.4rem .6rem;border:1px solid var(--line);border-radius:.5rem;background:var(--bg);color:var(--fg)}
        button{background:var(--accent);color:#fff;border-color:var(--accent);cursor:pointer}
        .stack{display:grid;gap:.75rem;max-width:32rem}.stack label{display:grid;gap:.25rem}label.inline{display:inline-flex;gap:.25rem;margin-right:1rem}
        fieldset{border:1px solid var(--line);border-radius:.5rem}.error{color:#b91c1c}.notice{color:#15803d}
        nav.account{margin-left:0;align-items:baseline}form.inline{display:inline}button.link{background:none;border:0;color:var(--accent);padding:0;font:inherit;cursor:pointer}
        form.vote button,a.vote{display:inline-flex;flex-direction:column;align-items:center;min-width:3rem;background:var(--bg);color:var(--fg);border:1px solid var(--line);border-radius:.5rem;padding:.25rem .5rem;font-weight:600}
        form.vote button[aria-pressed=true]{border-color:var(--accent);color:var(--accent)}form.vote small,a.vote small{font-weight:400;font-size:.75rem;color:var(--muted)}
        .comments{list-style:none;padding:0;display:grid;gap:.75rem}.comment{border-left:3px solid var(--line);padding:.25rem .75rem}.comment .replies{list-style:none;padding-left:1rem;display:grid;gap:.5rem}
        .comment .by{color:var(--muted);font-size:.875rem}textarea{font:inherit;width:100%;min-height:5rem;padding:.4rem .6rem;border:1px solid var(--line);border-radius:.5rem;background:var(--bg);color:var(--fg)}
        select{font:inherit;padding:.3rem;border:1px solid var(--line);border-radius:.5rem;background:var(--bg);color:var(--fg)}
        table.plain{border-collapse:collapse;width:100%}table.plain td,table.plain th{border-bottom:1px solid var(--line);padding:.35rem;text-align:left}
        code{font-family:ui-monospace,monospace;background:var(--card);padding:0 .2rem;border-radius:.25rem}
        form.header-search input{width:12rem}form.search{margin:0 0 1rem}.searchbar{display:flex;gap:.5rem}.searchbar input{flex:1}
        .filters{display:flex;flex-wrap:wrap;gap:.5rem 1rem;margin-top:.5rem;color:var(--muted);font-size:.875rem}
        mark{background:#fde68a;color:inherit;border-radius:.15rem;padding:0 .1rem}@media (prefers-color-scheme:dark){mark{background:#854d0e}}
        p.snippet{margin:0 0 .5rem;color:var(--muted)}.notice-muted{color:var(--muted);border-left:3px solid var(--line);padding-left:.75rem}
        nav.filters{margin:.25rem 0;font-size:.9rem}nav.filters [aria-current]{font-weight:600}div.categories{font-size:.8rem;color:var(--muted);margin-top:.15rem}
        ol.similar{padding-left:1.25rem}ol.similar li{margin:.25rem 0}
        footer.site{color:var(--muted);font-size:.875rem;padding:2rem 1rem}
        @media (max-width:40rem){nav{margin-left:0}.card{flex-direction:column-reverse}.card .votes{text-align:left}}
        """)
}
