import Presentation

/// The site's one stylesheet (served as a hashed asset). Colours are chosen for contrast, measured with WCAG's
/// formula: body text ≥ 7:1 on its background, muted text ≥ 6.9:1, links ≥ 6.4:1, buttons ≥ 6.7:1, control and
/// card borders ≥ 3:1 (`StyleContrastTests` checks every pair).
enum SiteStyle {
    /// The light and dark palettes, as custom properties; `StyleContrastTests` reads them from here.
    static let light = Palette(
        fg: "#111827", text: "#374151", muted: "#4b5563", line: "#e5e7eb", border: "#858d99",
        bg: "#ffffff", card: "#f9fafb", accent: "#1d4ed8", onAccent: "#ffffff",
        error: "#b91c1c", ok: "#166534", mark: "#fde68a")
    static let dark = Palette(
        fg: "#e5e7eb", text: "#d1d5db", muted: "#aab2bf", line: "#1f2937", border: "#6b7280",
        bg: "#0b0f19", card: "#111827", accent: "#60a5fa", onAccent: "#0b0f19",
        error: "#fca5a5", ok: "#4ade80", mark: "#854d0e")

    static let css = HTML(
        unescaped: """
            :root{\(light.properties)}
            @media (prefers-color-scheme:dark){:root{\(dark.properties)}}
            *{box-sizing:border-box}body{margin:0;font:16px/1.5 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;color:var(--fg);background:var(--bg)}
            a{color:var(--accent);text-decoration:none}a:hover{text-decoration:underline}
            .wrap{max-width:64rem;margin:0 auto;padding:0 1rem}main{min-width:0}
            .skip{position:absolute;left:-100vw;top:0;background:var(--accent);color:var(--on-accent);padding:.5rem 1rem;z-index:2}.skip:focus{left:0}
            header.site{border-bottom:1px solid var(--line);padding:.25rem 0;margin-bottom:1rem}
            header.site .wrap{display:flex;flex-wrap:wrap;align-items:center;gap:0 1rem;max-width:80rem}
            @media (max-width:75rem){.tagline{display:none}}@media (max-width:56rem){form.header-search input{width:9rem}}
            .brand{font-weight:700;font-size:1.25rem;color:var(--fg);display:inline-flex;align-items:center;min-height:44px;white-space:nowrap}
            nav{display:flex;align-items:center;gap:0 .25rem}nav a{display:inline-flex;align-items:center;min-height:44px;padding:0 .5rem;white-space:nowrap}
            nav a[aria-current]{font-weight:600;color:var(--fg);box-shadow:inset 0 -2px var(--accent)}
            nav.tabs{margin-left:auto}nav.tabs .search-tab{display:none}
            form.header-search input{width:13rem}
            details.menu{position:relative}details.menu summary{list-style:none;cursor:pointer;display:inline-flex;align-items:center;min-height:44px;padding:0 .5rem;color:var(--accent);font-weight:600}
            details.menu summary::-webkit-details-marker{display:none}details.menu summary::after{content:" ▾"}
            details.menu .menu-items{position:absolute;right:0;top:100%;z-index:3;display:grid;min-width:11rem;background:var(--bg);border:1px solid var(--border);border-radius:.5rem;padding:.25rem;box-shadow:0 6px 18px rgba(0,0,0,.18)}
            details.menu .menu-items a,details.menu .menu-items button{display:flex;align-items:center;min-height:44px;padding:0 .75rem;width:100%;text-align:left}
            h1{font-size:1.5rem;margin:.25rem 0;overflow-wrap:anywhere}.sub{color:var(--muted);margin:0 0 1rem}
            .pager{display:flex;justify-content:space-between;flex-wrap:wrap;gap:.5rem 1rem;margin:1rem 0}.pager a{display:inline-flex;align-items:center;min-height:44px}
            .cards{list-style:none;margin:0;padding:0;display:grid;gap:.75rem}
            .card{background:var(--card);border:1px solid var(--border);border-radius:.75rem;padding:1rem;display:flex;gap:1rem;scroll-margin-top:1rem}
            .card>div{min-width:0}.card .votes{flex:none}
            .card h2{font-size:1.05rem;margin:0 0 .25rem;overflow-wrap:anywhere}.card h2 a{color:var(--fg)}
            .card p.abstract{margin:0 0 .5rem;color:var(--text);overflow-wrap:anywhere;display:-webkit-box;-webkit-line-clamp:3;-webkit-box-orient:vertical;overflow:hidden}
            .card.focused{outline:2px solid var(--accent);outline-offset:2px}
            .meta{color:var(--muted);font-size:.875rem;overflow-wrap:anywhere}.meta a{color:inherit;font-weight:600}
            .empty{padding:2rem;text-align:center;color:var(--muted);border:1px dashed var(--border);border-radius:.75rem}
            .page-votes{float:right;margin:0 0 .5rem 1rem}
            article.paper{overflow-wrap:anywhere}article.paper h1{font-size:1.75rem}.authors{color:var(--text)}
            details.cite summary{cursor:pointer;color:var(--accent);font-weight:600}
            .item-tools{display:flex;flex-wrap:wrap;gap:.25rem 1rem;align-items:baseline;margin-top:.25rem}.item-tools details{flex-basis:100%}.item-tools details:not([open]){flex-basis:auto}
            form.save button{font-size:.8rem;margin-top:.25rem;white-space:nowrap}.note{margin:.4rem 0;white-space:pre-line}
            details.cite pre{white-space:pre-wrap;overflow-wrap:anywhere;font-family:ui-monospace,monospace;font-size:.85rem;background:var(--card);padding:.6rem;border-radius:.4rem}
            details.more-authors{display:inline}details.more-authors summary{display:inline;cursor:pointer;color:var(--accent);font-weight:600}
            .links{display:flex;flex-wrap:wrap;gap:.5rem;margin:1rem 0;padding:0;list-style:none}
            .links a{border:1px solid var(--border);border-radius:999px;padding:0 .75rem;display:inline-flex;align-items:center;min-height:44px}
            dl.facts{display:grid;grid-template-columns:max-content minmax(0,1fr);gap:.25rem 1rem}dl.facts dt{color:var(--muted)}dl.facts dd{margin:0}
            .summary{background:var(--card);border-left:3px solid var(--accent);padding:.5rem 1rem}
            .formula{background:var(--card);border:1px solid var(--border);border-radius:.5rem;padding:.5rem 1rem;font-family:ui-monospace,monospace;overflow-x:auto}
            form.subscribe{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center;background:var(--card);border:1px solid var(--border);border-radius:.75rem;padding:.75rem 1rem;margin:0 0 1rem}
            form.subscribe input{flex:1;min-width:12rem}form.subscribe.after-list{display:none}
            input,button,select,textarea{font:inherit;padding:.4rem .6rem;border:1px solid var(--border);border-radius:.5rem;background:var(--bg);color:var(--fg);min-height:44px;max-width:100%}
            input[type=checkbox],input[type=radio]{min-height:0;width:1.25rem;height:1.25rem;padding:0;margin:0;accent-color:var(--accent);flex:none}
            .stack label:has(> input[type=checkbox]),.stack label:has(> input[type=radio]){display:flex;align-items:center;gap:.5rem;min-height:44px}
            main h2{font-size:1.2rem}
            button{background:var(--accent);color:var(--on-accent);border-color:var(--accent);cursor:pointer;font-weight:600}
            .stack{display:grid;gap:.75rem;max-width:32rem}.stack label{display:grid;gap:.25rem}label.inline{display:inline-flex;align-items:center;gap:.25rem;margin-right:1rem;min-height:44px}
            fieldset{border:1px solid var(--border);border-radius:.5rem;min-width:0}.error{color:var(--error)}.notice{color:var(--ok)}
            form.inline{display:inline}button.link{background:none;border:0;color:var(--accent);padding:0;font:inherit;font-weight:600;cursor:pointer;min-height:0}
            .actions{display:flex;flex-wrap:wrap;gap:.25rem .75rem;align-items:center;font-size:.875rem}.actions a,.actions button.link,.actions summary{font-weight:600;color:var(--accent);cursor:pointer}.actions details[open]{flex-basis:100%}
            form.vote button,a.vote{display:inline-flex;flex-direction:column;align-items:center;justify-content:center;min-width:3.25rem;min-height:44px;background:var(--bg);color:var(--fg);border:1px solid var(--border);border-radius:.5rem;padding:.25rem .5rem;font-weight:600}
            form.vote button[aria-pressed=true]{border-color:var(--accent);color:var(--accent)}form.vote small,a.vote small{font-weight:400;font-size:.75rem;color:var(--muted)}
            .comments{list-style:none;padding:0;display:grid;gap:.75rem}.comment{border-left:3px solid var(--border);padding:.25rem .75rem}.comment .replies{list-style:none;padding-left:1rem;display:grid;gap:.5rem}
            .comment .by{color:var(--muted);font-size:.875rem}.badge{display:inline-block;font-size:.75rem;border:1px solid var(--border);border-radius:999px;padding:0 .4rem;margin-left:.25rem;color:var(--text)}
            textarea{width:100%;min-height:5rem}
            table.plain{border-collapse:collapse;width:100%}table.plain td,table.plain th{border-bottom:1px solid var(--line);padding:.35rem;text-align:left}
            .table-scroll{overflow-x:auto}
            code{font-family:ui-monospace,monospace;background:var(--card);padding:0 .2rem;border-radius:.25rem;overflow-wrap:anywhere}pre{overflow-x:auto}
            form.search{margin:0 0 1rem}.searchbar{display:flex;gap:.5rem}.searchbar input{flex:1;min-width:0}
            .filters{display:flex;flex-wrap:wrap;gap:.25rem 1rem;margin-top:.5rem;color:var(--muted);font-size:.875rem}
            details.filter-panel summary{cursor:pointer;display:inline-flex;align-items:center;min-height:44px;color:var(--accent);font-weight:600}
            mark{background:var(--mark);color:inherit;border-radius:.15rem;padding:0 .1rem}
            p.snippet{margin:0 0 .5rem;color:var(--text);overflow-wrap:anywhere}.notice-muted{color:var(--muted);border-left:3px solid var(--border);padding-left:.75rem}
            nav.filters{margin:.25rem 0;font-size:.9rem;flex-wrap:wrap}nav.filters [aria-current]{font-weight:600}div.categories{font-size:.8rem;color:var(--muted);margin-top:.15rem}
            form.follow{display:inline-flex}form.follow button{min-height:36px;padding:.15rem .75rem;font-size:.875rem;background:var(--bg);color:var(--accent);border-color:var(--accent)}
            form.follow button[aria-pressed=true]{background:var(--accent);color:var(--on-accent)}a.follow{font-weight:600}
            form.follow.compact button{min-height:24px;padding:0 .45rem;font-size:.75rem;border-radius:999px}.followers{color:var(--muted);font-size:.875rem;margin-left:.4rem}
            .follow-line{display:flex;flex-wrap:wrap;align-items:center;gap:.25rem;margin:0 0 1rem}p.reason{margin:.35rem 0 0;color:var(--text)}
            form.dismiss button{font-size:.8rem}.prompt{background:var(--card);border:1px solid var(--border);border-left:3px solid var(--accent);border-radius:.5rem;padding:.25rem 1rem;margin:0 0 1rem}
            form.inline-form{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center;margin:.5rem 0}form.inline-form input[name=value]{flex:1;min-width:12rem;max-width:26rem}
            ul.follows{list-style:none;padding:0;display:grid;gap:.25rem}ul.follows li{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center}section.follow-group{border-top:1px solid var(--line);margin-top:1rem}
            ol.similar{padding-left:1.25rem}ol.similar li{margin:.25rem 0}
            form.date-picker{display:inline-flex;gap:.5rem;align-items:center}
            .keys{margin:0}@media (hover:none){.keys{display:none}}
            .avatar,.cover{display:inline-flex;align-items:center;justify-content:center;color:#fff;font-weight:700;flex:none;object-fit:cover}
            .avatar.small{width:20px;height:20px;border-radius:50%;font-size:.6rem;vertical-align:-5px;margin-right:.3rem}
            .avatar.large{width:56px;height:56px;border-radius:50%;font-size:1.3rem;vertical-align:middle;margin-right:.75rem}
            .cover{width:112px;height:84px;border-radius:.5rem;font-size:1.6rem;margin-left:auto}
            .hue-0{background:hsl(0,55%,30%)}.hue-1{background:hsl(30,55%,30%)}.hue-2{background:hsl(60,55%,30%)}.hue-3{background:hsl(90,55%,30%)}.hue-4{background:hsl(120,55%,30%)}.hue-5{background:hsl(150,55%,30%)}.hue-6{background:hsl(180,55%,30%)}.hue-7{background:hsl(210,55%,30%)}.hue-8{background:hsl(240,55%,30%)}.hue-9{background:hsl(270,55%,30%)}.hue-10{background:hsl(300,55%,30%)}.hue-11{background:hsl(330,55%,30%)}
            kbd{font-family:ui-monospace,monospace;border:1px solid var(--border);border-radius:.25rem;padding:0 .3rem;font-size:.8rem}
            footer.site{color:var(--muted);font-size:.875rem;padding:2rem 1rem}footer.site a{display:inline-flex;align-items:center;min-height:44px}
            .narrow-only{display:none}
            @media (max-width:40rem){
            .wide-only{display:none}.narrow-only{display:inline}p.quiet-day{margin:.25rem 0}.pager{margin:.5rem 0}
            .wrap{padding:0 .75rem}.tagline,form.header-search{display:none}.brand{margin-right:auto}
            nav.tabs{order:3;width:100%;justify-content:space-between;overflow-x:auto;scrollbar-width:none}nav.tabs a{padding:0 .35rem}nav.tabs .search-tab{display:inline-flex}
            form.subscribe.before-list{display:none}form.subscribe.after-list{display:flex;margin-top:1rem}
            form.subscribe{padding:.5rem .75rem;gap:.35rem .5rem}form.subscribe strong{font-size:.9rem;width:100%}form.subscribe input{min-width:0}
            .card{padding:.75rem;gap:.75rem}.card .votes form.vote button,.card a.vote{min-width:2.75rem;padding:.25rem}
            .card p.abstract{-webkit-line-clamp:2}.card .cover{display:none}
            .card p.snippet{display:-webkit-box;-webkit-line-clamp:4;-webkit-box-orient:vertical;overflow:hidden}h1{font-size:1.3rem}article.paper h1{font-size:1.4rem}
            .page-votes{float:none;margin:0 0 .5rem}.page-votes form.vote button,.page-votes a.vote{flex-direction:row;gap:.35rem}
            .pager form.date-picker{order:3;flex-basis:100%}
            }
            """)
}

/// One colour scheme of the site, written out as CSS custom properties.
struct Palette {
    let fg, text, muted, line, border, bg, card, accent, onAccent, error, ok, mark: String

    var properties: String {
        [
            ("fg", fg), ("text", text), ("muted", muted), ("line", line), ("border", border), ("bg", bg), ("card", card),
            ("accent", accent), ("on-accent", onAccent), ("error", error), ("ok", ok), ("mark", mark),
        ]
        .map { "--\($0.0):\($0.1)" }.joined(separator: ";")
    }
}
