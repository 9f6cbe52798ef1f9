/// Wall-clock time in America/New_York, where arXiv keeps its calendar: UTC−5, or UTC−4 from the second Sunday of
/// March at 02:00 to the first Sunday of November at 02:00 (the US rule since 2007). Written out instead of read from
/// the system's time-zone database so the core stays free of I/O and the calendar is the same on every machine.
public enum EasternTime {
    /// A local date and time of day in New York.
    public struct Local: Sendable, Equatable {
        public let day: Day
        /// Minutes since local midnight.
        public let minuteOfDay: Int
    }

    /// Hours east of UTC at `instant`: −4 in summer time, −5 otherwise.
    public static func offsetHours(at instant: Timestamp) -> Int {
        let year = instant.day.year
        let start = Timestamp(day: nthSunday(2, of: 3, in: year), hour: 7)  // 02:00 EST
        let end = Timestamp(day: nthSunday(1, of: 11, in: year), hour: 6)  // 02:00 EDT
        return instant >= start && instant < end ? -4 : -5
    }

    /// The local day and time of `instant`.
    public static func local(_ instant: Timestamp) -> Local {
        let shifted = Timestamp(millisecondsSinceEpoch: instant.millisecondsSinceEpoch + Int64(offsetHours(at: instant)) * 3_600_000)
        let dayStart = Timestamp(day: shifted.day)
        return Local(day: shifted.day, minuteOfDay: Int((shifted.millisecondsSinceEpoch - dayStart.millisecondsSinceEpoch) / 60_000))
    }

    /// The instant at `hour:minute` local time on `day` (hours that happen twice or never in a change of clocks
    /// take the offset before the change; arXiv's times, 14:00 and 20:00, are never among them).
    public static func instant(on day: Day, hour: Int, minute: Int = 0) -> Timestamp {
        let asIfUTC = Timestamp(day: day, hour: hour, minute: minute)
        let offset = offsetHours(at: Timestamp(millisecondsSinceEpoch: asIfUTC.millisecondsSinceEpoch + 5 * 3_600_000))
        return Timestamp(millisecondsSinceEpoch: asIfUTC.millisecondsSinceEpoch - Int64(offset) * 3_600_000)
    }

    /// The `n`th Sunday of `month` in `year`.
    static func nthSunday(_ n: Int, of month: Int, in year: Int) -> Day {
        let first = Day(year: year, month: month, day: 1) ?? Day(daysSinceEpoch: 0)
        let untilSunday = (7 - first.weekday) % 7
        return first.adding(days: untilSunday + 7 * (n - 1))
    }
}
