import Hummingbird
import HummingbirdCore
import PapersCore
import Synchronization

/// The one function from a request to its cache key, used by the fast path on the event loop and by the route
/// table alike: the route's canonical path (so `/papers/%32608.19880` and `/papers/2608.19880` share an entry), the
/// query items its `CachePolicy` names, sorted, and the calendar's notice when the answer shows it.
final class CacheKeys: Sendable {
    private let calendar: ArxivCalendar
    private let clock: @Sendable () -> Timestamp
    /// The notice of the current minute: it changes at midnight in New York, and working it out costs more than a
    /// look-up on the fast path.
    private let notice = Mutex<(minute: Int64, quiet: QuietDay?)>((-1, nil))

    /// What a key was derived from that the answer must show: the notice it was keyed under.
    struct Variant: Sendable {
        let key: String
        let quietDay: QuietDay?
    }

    init(calendar: ArxivCalendar, clock: @escaping @Sendable () -> Timestamp) {
        self.calendar = calendar
        self.clock = clock
    }

    convenience init(_ dependencies: AppDependencies) {
        self.init(calendar: dependencies.arxivCalendar, clock: dependencies.clock)
    }

    /// The key of `route` asked for with `uri`; nil when the answer is not to be cached for this request.
    func variant(of route: Route, uri: URI, member: Bool, wantsMarkdown: Bool) -> Variant? {
        guard let policy = route.caching, !(policy.visitorsOnly && member) else { return nil }
        var key = route.path
        if !policy.queryItems.isEmpty, uri.query != nil {
            let parameters = uri.queryParameters
            var separator = "?"
            // Every value of a repeated name: handlers differ in which one they read, so all of them key the answer.
            for name in policy.queryItems {
                for value in parameters[values: Substring(name)] {
                    key += separator + name + "=" + TextEncoding.percentEncode(String(value))
                    separator = "&"
                }
            }
        }
        if policy.markdownByAccept, wantsMarkdown { key += "#markdown" }
        let quiet = policy.calendar ? quietDay() : nil
        if let quiet { key += "#quiet:" + quiet.notice }
        return Variant(key: key, quietDay: quiet)
    }

    /// arXiv's silence today, nil on a day it announces.
    func quietDay() -> QuietDay? {
        let now = clock()
        let minute = now.millisecondsSinceEpoch / 60_000
        if let known = notice.withLock({ $0.minute == minute ? $0 : nil }) { return known.quiet }
        let quiet = calendar.quietDay(at: now)
        notice.withLock { $0 = (minute, quiet) }
        return quiet
    }
}

/// What a cacheable route's answer varies by besides its path. Each route declares it here, in one exhaustive
/// switch, and `CacheKeys` derives every cache key from it: the fast path and the normal path cannot disagree.
struct CachePolicy: Sendable, Equatable {
    /// The query items the route reads; any other cannot change the answer, so it cannot make a new entry either.
    let queryItems: [String]
    /// The answer shows arXiv's quiet-day notice, which changes with the site's clock, not with the data.
    let calendar: Bool
    /// Members see pages of their own (their votes, their forms): only visitors' answers are kept.
    let visitorsOnly: Bool
    /// `Accept: text/markdown` asks for another body (a paper page as Markdown), kept apart.
    let markdownByAccept: Bool

    static func page(_ queryItems: [String] = [], calendar: Bool = false, markdownByAccept: Bool = false) -> CachePolicy {
        CachePolicy(queryItems: queryItems.sorted(), calendar: calendar, visitorsOnly: true, markdownByAccept: markdownByAccept)
    }

    /// Feeds and JSON answers are the same for everyone.
    static func shared(_ queryItems: [String] = []) -> CachePolicy {
        CachePolicy(queryItems: queryItems.sorted(), calendar: false, visitorsOnly: false, markdownByAccept: false)
    }
}
