import Foundation
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

    /// The editions due on `date`: the daily one on weekdays, and the weekly one for the week that ends on its Friday.
    /// Days without papers send nothing (an edition with no papers is never composed).
    public static func kinds(dueOn date: Day) -> [Kind] {
        var kinds: [Kind] = []
        if !date.isWeekend { kinds.append(.daily(date)) }
        if date.weekday == 5 { kinds.append(.weekly(ISOWeek(containing: date))) }
        return kinds
    }
}

/// Whole-word matching of a topic in lower-cased text ("rl" matches "offline rl," but not "world").
enum TopicMatch {
    static func contains(_ haystack: String, word: String) -> Bool {
        guard !word.isEmpty else { return false }
        var searchRange = haystack.startIndex..<haystack.endIndex
        while let found = haystack.range(of: word, range: searchRange) {
            let before = found.lowerBound == haystack.startIndex ? nil : haystack[haystack.index(before: found.lowerBound)]
            let after = found.upperBound == haystack.endIndex ? nil : haystack[found.upperBound]
            if !(before?.isLetter ?? false || before?.isNumber ?? false) && !(after?.isLetter ?? false || after?.isNumber ?? false) {
                return true
            }
            searchRange = found.upperBound..<haystack.endIndex
        }
        return false
    }
}
