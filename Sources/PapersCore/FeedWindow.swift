/// A span of feed days a listing covers: one day, an ISO week or a calendar month.
public enum FeedWindow: Sendable, Hashable {
    case day(Day)
    case week(ISOWeek)
    case month(YearMonth)

    /// The first and last day of the window, inclusive.
    public var days: ClosedRange<Day> {
        switch self {
            case .day(let day): return day...day
            case .week(let week): return week.monday...week.monday.adding(days: 6)
            case .month(let month): return month.firstDay...month.lastDay
        }
    }

    /// The window of the same kind that contains `day`.
    public func sameKind(containing day: Day) -> FeedWindow {
        switch self {
            case .day: return .day(day)
            case .week: return .week(ISOWeek(containing: day))
            case .month: return .month(YearMonth(year: day.year, month: day.month))
        }
    }

    /// The nearest earlier window of the same kind that has featured papers, given every featured day in ascending order.
    public func previous(in featuredDays: [Day]) -> FeedWindow? {
        let start = days.lowerBound
        guard let index = featuredDays.lastIndex(where: { $0 < start }) else { return nil }
        return sameKind(containing: featuredDays[index])
    }

    /// The nearest later window of the same kind that has featured papers, given every featured day in ascending order.
    public func next(in featuredDays: [Day]) -> FeedWindow? {
        let end = days.upperBound
        guard let day = featuredDays.first(where: { $0 > end }) else { return nil }
        return sameKind(containing: day)
    }
}

/// An ISO 8601 week, written `2025-W44`: Monday to Sunday, week 1 holding the year's first Thursday.
public struct ISOWeek: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int
    public let week: Int

    /// The week, or nil when the year has no such week.
    public init?(year: Int, week: Int) {
        guard (1...9999).contains(year), (1...ISOWeek.weeksIn(year: year)).contains(week) else { return nil }
        self.year = year
        self.week = week
    }

    /// The ISO week that contains `day`.
    public init(containing day: Day) {
        let thursday = day.adding(days: 4 - day.weekday)
        let firstMonday = ISOWeek.mondayOfWeekOne(thursday.year)
        self.year = thursday.year
        self.week = (day.daysSinceEpoch - firstMonday.daysSinceEpoch) / 7 + 1
    }

    /// Parses `YYYY-Www`.
    public init?(iso text: some StringProtocol) {
        let bytes = Array(text.utf8)
        guard bytes.count == 8, bytes[4] == UInt8(ascii: "-"), bytes[5] == UInt8(ascii: "W"),
            let year = Day.number(bytes[0..<4]), let week = Day.number(bytes[6..<8])
        else { return nil }
        self.init(year: year, week: week)
    }

    public var monday: Day { ISOWeek.mondayOfWeekOne(year).adding(days: (week - 1) * 7) }

    public var description: String { "\(Day.pad(year, 4))-W\(Day.pad(week, 2))" }

    public static func < (lhs: ISOWeek, rhs: ISOWeek) -> Bool { (lhs.year, lhs.week) < (rhs.year, rhs.week) }

    static func mondayOfWeekOne(_ year: Int) -> Day {
        let jan4 = Day(daysSinceEpoch: (Day(year: year, month: 1, day: 4)?.daysSinceEpoch ?? 0))
        return jan4.adding(days: 1 - jan4.weekday)
    }

    static func weeksIn(year: Int) -> Int {
        guard let dec28 = Day(year: year, month: 12, day: 28) else { return 52 }
        return ISOWeek(containing: dec28).week
    }
}

/// A calendar month, written `2025-10`.
public struct YearMonth: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int

    public init(year: Int, month: Int) {
        self.year = year
        self.month = month
    }

    /// Parses `YYYY-MM`.
    public init?(iso text: some StringProtocol) {
        let bytes = Array(text.utf8)
        guard bytes.count == 7, bytes[4] == UInt8(ascii: "-"),
            let year = Day.number(bytes[0..<4]), let month = Day.number(bytes[5..<7]),
            (1...9999).contains(year), (1...12).contains(month)
        else { return nil }
        self.init(year: year, month: month)
    }

    public var firstDay: Day { Day(daysSinceEpoch: (Day(year: year, month: month, day: 1)?.daysSinceEpoch ?? 0)) }
    public var lastDay: Day { firstDay.adding(days: Day.daysIn(month: month, year: year) - 1) }

    public var description: String { "\(Day.pad(year, 4))-\(Day.pad(month, 2))" }

    public static func < (lhs: YearMonth, rhs: YearMonth) -> Bool { (lhs.year, lhs.month) < (rhs.year, rhs.month) }
}
