import ForYou
import PapersCore
import Presentation

/// `/for-you`: the member's papers of the week, each card saying why it is there, with "Not interested".
enum ForYouView {
    /// What the page shows.
    struct Model {
        let page: ForYouPage
        let number: Int
        let days: Int
        let viewer: Viewer
        let currentYear: Int
    }

    static func render(_ model: Model) -> HTML {
        let path = Route.forYou.path
        let cards = model.page.items.map { card($0, model) }
        let list: HTML =
            cards.isEmpty
            ? PageLinks.empty(
                path: path, page: model.number, empty: "<p class=\"empty\">No papers reached the site in the last \(model.days) days.</p>")
            : "<ol class=\"cards\">\(HTML(joining: cards))</ol>\(PageLinks.render(path: path, page: model.number, hasMore: model.page.hasMore))"
        let content: HTML = """
            <h1>For you</h1>
            \(summary(model))
            \(list)
            """
        return Layout.page(title: "For you", tab: .forYou, alternates: [], viewer: model.viewer, content: content)
    }

    private static func summary(_ model: Model) -> HTML {
        let window: HTML =
            model.page.list.days.map { " (\(CardFormatting.fullDate($0.lowerBound)) – \(CardFormatting.fullDate($0.upperBound)))" } ?? ""
        guard !model.page.list.isNewMember else {
            return """
                <div class="prompt"><p><strong>Make this page yours.</strong> Follow authors, organizations, arXiv categories, \
                collections or topics, and save or upvote papers: this page then ranks the week's papers for you, and says why.</p>
                <form class="inline-form" method="post" action="\(Route.changeFollow.path)">\(CSRF.hiddenField(model.viewer.csrf))\
                <input type="hidden" name="kind" value="topic"><input type="hidden" name="followed" value="1">\
                <label>Follow a topic <input name="value" required maxlength="\(FollowRules.maximumTopic)" placeholder="e.g. RL for LLMs"></label> \
                <button>Follow</button></form>
                <p><a href="\(Route.following.path)">Everything you can follow</a>. Until then, here is what is trending this week.</p></div>
                """
        }
        return """
            <p class="sub">The papers of the last \(model.days) days\(window), ranked for you from what you follow, save and upvote. \
            Only you see this page. <a href="\(Route.following.path)">What you follow</a></p>
            """
    }

    private static func card(_ item: ForYouPage.Item, _ model: Model) -> HTML {
        let id = item.paper.id
        let extra: HTML = """
            <p class="reason">\(reason(item.reason))</p>\
            <form class="inline dismiss" method="post" action="\(Route.paperAction(id: id, .dismiss).path)">\(CSRF.hiddenField(model.viewer.csrf))\
            <input type="hidden" name="dismissed" value="1"><button class="link" title="Show fewer papers like this">Not interested</button></form>
            """
        return PaperCardView.card(item.paper, currentYear: model.currentYear, viewer: model.viewer, extra: extra)
    }

    /// The reason's sentence, with the paper it names linked.
    static func reason(_ reason: ForYouReason) -> HTML {
        switch reason {
            case .like(let paperId, let title, let saved):
                return "Why: like “<a href=\"\(Route.paper(id: paperId).path)\">\(TeXText.plain(title))</a>” you \(saved ? "saved" : "upvoted")"
            default:
                return "Why: \(reason.text)"
        }
    }
}
