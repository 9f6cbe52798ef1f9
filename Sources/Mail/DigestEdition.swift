import PapersCore
import Storage

/// One issue of the digest: the papers of a day (daily) or of an ISO week (weekly), ranked by the trending formula.
public struct DigestEdition: Sendable, Equatable {
    /// Which digest an edition belongs to.
    public enum Kind: Sendable, Equatable {
        case daily(Day)
        case weekly(ISOWeek)

        var frequency: Subscriber.Frequency {
            switch self {
                case .daily: return .daily
                case .weekly: return .weekly
            }
        }
    }

    public let kind: Kind
    /// The papers, best first.
    public let papers: [Paper]

    /// The most papers one digest lists.
    public static let maxPapers = 10

    public init(kind: Kind, rankedPapers: [Paper]) {
        self.kind = kind
        self.papers = Array(rankedPapers.prefix(Self.maxPapers))
    }

    /// `daily:2025-11-03` or `weekly:2025-W45`: with the subscriber id, the outbox key of each message.
    public var key: String {
        switch kind {
            case .daily(let day): return "daily:\(day)"
            case .weekly(let week): return "weekly:\(week)"
        }
    }

    /// "Nov 3, 2025" or "Week 45, 2025 · Nov 3 – Nov 9".
    public var title: String {
        switch kind {
            case .daily(let day): return CardFormatting.fullDate(day)
            case .weekly(let week): return CardFormatting.weekTitle(week)
        }
    }

    /// The feed days the edition covers.
    public var days: ClosedRange<Day> {
        switch kind {
            case .daily(let day): return day...day
            case .weekly(let week): return FeedWindow.week(week).days
        }
    }

    /// The editions due on `date`: the daily one on the days of arXiv's mailings (after an announcement the evening
    /// before: Monday to Friday, less the mornings after arXiv's holidays), and the weekly one on Fridays.
    /// Days without papers send nothing (an edition with no papers is never composed).
    public static func kinds(dueOn date: Day, calendar: ArxivCalendar = ArxivCalendar()) -> [Kind] {
        var kinds: [Kind] = []
        if calendar.announces(on: date.adding(days: -1)) { kinds.append(.daily(date)) }
        if date.weekday == 5 { kinds.append(.weekly(ISOWeek(containing: date))) }
        return kinds
    }
}

/// Whole-word matching of a topic in lower-cased text ("rl" matches "offline rl," but not "world"), on UTF-8 bytes:
/// it runs for every subscriber and paper, so it avoids Foundation's string search.
enum TopicMatch {
    static func contains(_ haystack: String, word: String) -> Bool {
        contains(Array(haystack.utf8), word: Array(word.utf8))
    }

    static func contains(_ haystack: [UInt8], word: [UInt8]) -> Bool {
        guard let first = word.first, word.count <= haystack.count else { return false }
        var start = 0
        let lastStart = haystack.count - word.count
        while start <= lastStart {
            if haystack[start] == first, start == 0 || !isWordByte(haystack[start - 1]),
                start + word.count == haystack.count || !isWordByte(haystack[start + word.count])
            {
                var matches = true
                for offset in 1..<word.count where haystack[start + offset] != word[offset] {
                    matches = false
                    break
                }
                if matches { return true }
            }
            start += 1
        }
        return false
    }

    /// Letters, digits and any byte of a multi-byte character count as part of a word.
    private static func isWordByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || byte >= 0x80
    }
}
