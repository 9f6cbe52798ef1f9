import Mail
import PapersCore
import Presentation
import Storage

/// The pages of the subscription flow: subscribe, confirm, settings, unsubscribe, and their outcomes.
enum SubscriptionViews {
    /// The box on feed pages; it leads to the full form, where frequency and topics are chosen.
    /// `placement`: above the list on wide screens, under it on phones (where the list comes first).
    static func box(placement: String) -> HTML {
        """
        <form class="subscribe \(placement)" method="get" action="\(Route.subscribeForm.path)">
        <strong>Get trending papers in your email inbox!</strong>
        <input type="email" name="email" required placeholder="you@example.org" aria-label="E-mail address">
        <button type="submit">Subscribe</button>
        </form>
        """
    }

    static func subscribe(
        email: String, frequency: Subscriber.Frequency, topics: String, csrf: String, mailEnabled: Bool, error: String? = nil, viewer: Viewer?
    ) -> HTML {
        guard mailEnabled else {
            return page(
                "Subscribe", viewer: viewer,
                """
                <h1>Subscribe</h1>
                <p class="empty">Mail is off on this server: its operator has not configured an SMTP server (SMTP_URL), so no digest can be sent.
                The <a href="\(Route.dailyFeed(.atom).path)">Atom</a> and <a href="\(Route.dailyFeed(.rss).path)">RSS</a> feeds work without it.</p>
                """)
        }
        return page(
            "Subscribe", viewer: viewer,
            """
            <h1>Get trending papers in your email inbox</h1>
            <p class="sub">The most upvoted papers, daily on weekdays with new papers, or once a week. We send a confirmation link first; nothing else arrives before you follow it.</p>
            \(error.map { "<p class=\"error\" role=\"alert\">\($0)</p>" as HTML })
            <form method="post" action="\(Route.subscribe.path)" class="stack">
            \(CSRF.hiddenField(csrf))
            <label>E-mail address <input type="email" name="email" required value="\(email)" autocomplete="email"></label>
            \(frequencyChoice(frequency))
            <label>Topics (optional, comma-separated; only matching papers are sent) <input type="text" name="topics" value="\(topics)" placeholder="reinforcement learning, diffusion"></label>
            <button type="submit">Subscribe</button>
            </form>
            """)
    }

    static func settings(_ subscriber: Subscriber, token: String, csrf: String, saved: Bool = false, error: String? = nil, viewer: Viewer?) -> HTML {
        page(
            "Subscription settings", viewer: viewer,
            """
            <h1>Subscription settings</h1>
            <p class="sub">For \(subscriber.email) · status: \(subscriber.status.rawValue)</p>
            \(saved ? "<p class=\"notice\" role=\"status\">Saved.</p>" as HTML : "")
            \(error.map { "<p class=\"error\" role=\"alert\">\($0)</p>" as HTML })
            <form method="post" action="\(Route.saveSubscription.path)" class="stack">
            \(CSRF.hiddenField(csrf))
            <input type="hidden" name="token" value="\(token)">
            \(frequencyChoice(subscriber.frequency))
            <label>Topics (comma-separated; empty for all papers) <input type="text" name="topics" value="\(subscriber.topics.joined(separator: ", "))"></label>
            <button type="submit">Save</button>
            </form>
            <p><a href="\(Route.unsubscribeForm.path)?token=\(token)">Unsubscribe</a></p>
            """)
    }

    static func confirm(token: String, csrf: String, viewer: Viewer?) -> HTML {
        page(
            "Confirm your subscription", viewer: viewer,
            """
            <h1>Confirm your subscription</h1>
            <form method="post" action="\(Route.confirmSubscription.path)">\(CSRF.hiddenField(csrf))<input type="hidden" name="token" value="\(token)">
            <button type="submit">Yes, send me the digest</button></form>
            """)
    }

    static func unsubscribe(token: String, viewer: Viewer?) -> HTML {
        page(
            "Unsubscribe", viewer: viewer,
            """
            <h1>Unsubscribe</h1>
            <p class="sub">You will get no more digests at this address.</p>
            <form method="post" action="\(Route.unsubscribe.path)?token=\(token)"><button type="submit">Unsubscribe</button></form>
            """)
    }

    private static func frequencyChoice(_ selected: Subscriber.Frequency) -> HTML {
        let options = Subscriber.Frequency.allCases.map { frequency -> HTML in
            let label = frequency == .daily ? "Daily (weekdays with new papers)" : "Weekly (Fridays)"
            let checked: HTML = frequency == selected ? " checked" : ""
            return "<label class=\"inline\"><input type=\"radio\" name=\"frequency\" value=\"\(frequency.rawValue)\"\(checked)> \(label)</label>"
        }
        return "<fieldset><legend>How often</legend>\(options)</fieldset>"
    }

    private static func page(_ title: String, viewer: Viewer?, _ content: HTML) -> HTML {
        Layout.page(title: title, alternates: [], viewer: viewer, content: content)
    }
}
