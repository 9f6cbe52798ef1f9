import PapersCore
import Presentation

/// arXiv's silence on the pages that follow its announcements: the whole sentence on a wide screen, one short line
/// on a phone, where the first screen belongs to the papers.
enum QuietDayView {
    /// `then`: what the page shows instead, said after the whole sentence.
    static func render(_ quiet: QuietDay, then: String = "") -> HTML {
        let rest: HTML = then.isEmpty ? "" : " \(then)"
        return
            "<p class=\"notice-muted quiet-day\" role=\"status\"><span class=\"wide-only\">\(quiet.notice)\(rest)</span><span class=\"narrow-only\">\(quiet.brief)</span></p>"
    }
}
