/// Dates as the Internet writes them: `Mon, 03 Nov 2025 21:00:00 GMT` in HTTP and RSS (RFC 9110 IMF-fixdate, a
/// profile of RFC 822) and `Mon, 03 Nov 2025 21:00:00 +0000` in mail (RFC 5322). One formatter, two zone spellings.
public enum InternetDate {
    private static let weekdays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// HTTP headers and RSS: `… GMT`.
    public static func http(_ time: Timestamp) -> String {
        format(time, zone: "GMT")
    }

    /// Mail headers: `… +0000`.
    public static func mail(_ time: Timestamp) -> String {
        format(time, zone: "+0000")
    }

    private static func format(_ time: Timestamp, zone: String) -> String {
        let day = time.day
        let clock = time.description.dropFirst(11).prefix(8)  // of 2025-11-03T04:05:06.000Z
        return "\(weekdays[day.weekday - 1]), \(Day.twoDigits(day.day)) \(months[day.month - 1]) \(day.year) \(clock) \(zone)"
    }

    /// Parses the IMF-fixdate form, for `If-Modified-Since`.
    public static func parseHTTP(_ text: String) -> Timestamp? {
        let parts = text.split(separator: " ")
        guard parts.count == 6, parts[5] == "GMT", let dayNumber = Int(parts[1]), let month = months.firstIndex(of: String(parts[2])),
            let year = Int(parts[3]), let day = Day(year: year, month: month + 1, day: dayNumber)
        else { return nil }
        let clock = parts[4].split(separator: ":").compactMap { Int($0) }
        guard clock.count == 3 else { return nil }
        return Timestamp(day: day, hour: clock[0], minute: clock[1], second: clock[2])
    }

    /// Parses an RFC 822/5322 date as RSS and arXiv's records write it (`Tue, 3 Apr 2007 22:04:11 GMT`,
    /// `Fri, 23 Feb 2024 00:00:00 -0500`; the weekday optional): the instant, and the day as written in its own zone.
    public static func parseMail(_ text: String) -> (instant: Timestamp, localDay: Day)? {
        var parts = text.split(separator: " ")
        if let first = parts.first, first.hasSuffix(",") { parts.removeFirst() }
        guard parts.count == 5, let dayNumber = Int(parts[0]), let month = months.firstIndex(of: String(parts[1])),
            let year = Int(parts[2]), let day = Day(year: year, month: month + 1, day: dayNumber)
        else { return nil }
        let clock = parts[3].split(separator: ":").compactMap { Int($0) }
        guard clock.count == 2 || clock.count == 3, let offset = zoneMinutes(parts[4]) else { return nil }
        let local = Timestamp(day: day, hour: clock[0], minute: clock[1], second: clock.count == 3 ? clock[2] : 0)
        return (Timestamp(millisecondsSinceEpoch: local.millisecondsSinceEpoch - Int64(offset) * 60_000), day)
    }

    /// Minutes east of UTC of `GMT`, `UT`, `Z` or `±HHMM`.
    private static func zoneMinutes(_ zone: Substring) -> Int? {
        if ["GMT", "UT", "UTC", "Z"].contains(zone) { return 0 }
        let digits = zone.dropFirst()
        guard let sign = zone.first, sign == "+" || sign == "-", digits.count == 4, let value = Int(digits) else { return nil }
        return (sign == "-" ? -1 : 1) * (value / 100 * 60 + value % 100)
    }
}
