import Community
import PapersCore
import Presentation

/// The submit page.
enum SubmitViews {
    static func form(viewer: Viewer, policy: SubmissionPolicy, value: String, error: String? = nil) -> HTML {
        Layout.page(
            title: "Submit a paper", alternates: [], viewer: viewer,
            content: """
                <h1>Submit a paper</h1>
                <p class="sub">Feature a paper on today's feed. It must have been first published within the last \(policy.maxAgeDays) days and not
                featured before; each member submits at most \(policy.dailyCapPerUser) papers a day.</p>
                \(error.map { "<p class=\"error\" role=\"alert\">\($0)</p>" as HTML })
                <form class="stack" method="post" action="\(Route.submit.path)">\(CSRF.hiddenField(viewer.csrf))
                <label>arXiv id or URL <input name="paper" value="\(value)" required placeholder="2410.11779 or https://arxiv.org/abs/2410.11779"></label>
                <div><button>Submit</button></div>
                </form>
                """)
    }
}
