import Hummingbird
import PapersCore

/// The site's stylesheet and scripts as files of their own: browsers fetch each once, pages stay small, and the
/// Content-Security-Policy can forbid every inline script and style.
///
/// Each address carries a hash of the content, so a changed file is a new address and can be cached for a year.
struct Asset: Sendable {
    let path: String
    let contentType: String
    let body: String

    init(name: String, fileExtension: String, contentType: String, body: String) {
        self.contentType = contentType
        self.body = body
        path = Route.asset("\(name)-\(String(ObjectID.make(body).suffix(12))).\(fileExtension)").path
    }
}

/// Every asset the pages link to.
enum Assets {
    static let stylesheet = Asset(name: "site", fileExtension: "css", contentType: "text/css; charset=utf-8", body: SiteStyle.css.rendered)
    static let votes = Asset(name: "votes", fileExtension: "js", contentType: "text/javascript; charset=utf-8", body: votesScript)
    static let typeahead = Asset(name: "typeahead", fileExtension: "js", contentType: "text/javascript; charset=utf-8", body: typeaheadScript)
    static let favicon = Asset(name: "favicon", fileExtension: "svg", contentType: "image/svg+xml", body: faviconImage)
    static let keys = Asset(name: "keys", fileExtension: "js", contentType: "text/javascript; charset=utf-8", body: keysScript)
    static let all = [stylesheet, votes, typeahead, favicon, keys]

    /// The keyboard: `j`/`k` move between cards, `u` upvotes the current one, `s` saves it to the reading list, `/`
    /// goes to the search box. Keys
    /// typed into a field, or with a modifier, are the field's.
    private static let keysScript = """
        document.addEventListener("keydown", (event) => {
          if (event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return;
          const target = event.target;
          if (target.closest("input, textarea, select, [contenteditable]")) return;
          const cards = [...document.querySelectorAll("li.card")];
          const current = cards.findIndex(card => card.classList.contains("focused"));
          if (event.key === "/") {
            const box = document.querySelector("form.search input[name=q]") || document.querySelector("form.header-search input");
            if (box && box.offsetParent) { event.preventDefault(); box.focus(); box.select(); }
          } else if ((event.key === "j" || event.key === "k") && cards.length) {
            event.preventDefault();
            const next = event.key === "j" ? Math.min(current + 1, cards.length - 1) : Math.max(current - 1, 0);
            cards.forEach(card => card.classList.remove("focused"));
            cards[next].classList.add("focused");
            cards[next].scrollIntoView({block: "nearest"});
            cards[next].querySelector("h2 a")?.focus({preventScroll: true});
          } else if (event.key === "u" && current >= 0) {
            const vote = cards[current].querySelector("form.vote button, a.vote");
            if (vote) { event.preventDefault(); vote.click(); }
          } else if (event.key === "s" && current >= 0) {
            const save = cards[current].querySelector("form.save button");
            if (save) { event.preventDefault(); save.click(); }
          }
        });
        """

    /// The brand's mark: a page of lines on the accent colour.
    private static let faviconImage = """
        <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="7" fill="#1d4ed8"/>\
        <rect x="8" y="7" width="16" height="18" rx="2" fill="#fff"/><path d="M11 12h10M11 16h10M11 20h6" stroke="#1d4ed8" stroke-width="2"/></svg>
        """

    /// The answer of `GET /assets/{name}`, nil for a name no asset has.
    static func response(named name: String) -> Response? {
        responses[name == "favicon.ico" ? favicon.path : Route.asset(name).path]?.response
    }

    private static let responses: [String: Rendered] = Dictionary(
        uniqueKeysWithValues: all.map { asset in
            let response = Rendered(
                status: .ok,
                headers: [.contentType: asset.contentType, .cacheControl: "public, max-age=31536000, immutable"],
                body: ByteBuffer(string: asset.body)
            )
            return (asset.path, response)
        })

    /// Progressive enhancement of the vote forms: post in the background and update the count in place.
    /// Without JavaScript the forms post normally and the page reloads.
    private static let votesScript = """
        document.addEventListener("submit", async (event) => {
          const form = event.target.closest("form.vote");
          if (!form) return;
          event.preventDefault();
          const button = form.querySelector("button");
          button.disabled = true;
          try {
            const response = await fetch(form.action, {method: "POST", body: new URLSearchParams(new FormData(form)), headers: {"Accept": "application/json"}});
            if (!response.ok) { form.submit(); return; }
            const result = await response.json();
            const id = CSS.escape(form.dataset.paper);
            const change = result.upvotes - Number(form.querySelector(".count").textContent);
            // Every count of this paper on the page moves together: other cards, the facts list, the split.
            document.querySelectorAll(`[data-upvotes="${id}"]`).forEach(count => { count.textContent = result.upvotes; });
            document.querySelectorAll(`[data-upvotes-here="${id}"]`).forEach(count => { count.textContent = Number(count.textContent) + change; });
            document.querySelectorAll(`form.vote[data-paper="${id}"]`).forEach(other => {
              other.querySelector("input[name=upvoted]").value = result.upvoted ? "0" : "1";
              const toggle = other.querySelector("button");
              toggle.setAttribute("aria-pressed", String(result.upvoted));
              toggle.title = result.upvoted ? "Remove your upvote" : "Upvote";
            });
          } finally { button.disabled = false; }
        });
        """

    /// Titles suggested while typing, from `/api/papers/search?prefix=1`; the page works the same without it.
    private static let typeaheadScript = """
        (() => {
          const input = document.querySelector("form.search input[name=q]");
          const list = document.getElementById("search-suggestions");
          if (!input || !list) return;
          let timer, controller;
          input.addEventListener("input", () => {
            clearTimeout(timer);
            timer = setTimeout(async () => {
              const text = input.value.trim();
              if (text.length < 3) { list.replaceChildren(); return; }
              controller?.abort();
              controller = new AbortController();
              try {
                const response = await fetch("\(Route.apiSearch.path)?mode=keyword&prefix=1&limit=8&q=" + encodeURIComponent(input.value), {signal: controller.signal});
                if (!response.ok) return;
                const items = await response.json();
                list.replaceChildren(...items.map(item => { const option = document.createElement("option"); option.value = item.title; return option; }));
              } catch (error) { if (error.name !== "AbortError") list.replaceChildren(); }
            }, 150);
          });
        })();
        """
}
