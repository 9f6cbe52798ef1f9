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
}
