import PapersCore
import Presentation

/// The operators' page: each source's last run, what it did, the next run and the last error in plain words.
enum IngestStatusView {
    static func render(_ states: [IngestState], now: Timestamp, viewer: Viewer?) -> HTML {
        let rows = states.map { state -> HTML in
            let last: HTML =
                state.lastRunAt.map {
                    "<time datetime=\"\($0.description)\">\($0.description)</time> — \(state.lastError == nil ? "completed" : "failed")"
                } ?? "never run"
            let did = RunCounts(added: state.added, updated: state.updated, skipped: state.skipped, requests: state.requests).line
            let error: HTML = state.lastError.map { "<p class=\"error\">\($0)</p>" } ?? ""
            let running: HTML =
                state.runStartedAt.map { "<p>In progress since <time datetime=\"\($0.description)\">\($0.description)</time>.</p>" } ?? ""
            return """
                <section class="source"><h2>\(state.source.title)</h2>
                <dl class="facts"><dt>Last run</dt><dd>\(last)</dd><dt>It did</dt><dd>\(state.lastRunAt == nil ? "—" : did)</dd>
                <dt>Checkpoint</dt><dd>\(state.checkpoint ?? "—")</dd>
                <dt>Next run</dt><dd>\(state.nextRunAt.map(\.description) ?? "when serve runs with HARVEST=on, or by hand")</dd></dl>
                \(running)\(error)</section>
                """
        }
        let content: HTML = """
            <h1>Paper sources</h1>
            <p class="sub">What arXiv's listing, its OAI-PMH records and Hugging Face's daily list brought, as of \(now.description)</p>
            \(rows)
            """
        return Layout.page(title: "Paper sources", viewer: viewer, content: content)
    }
}
