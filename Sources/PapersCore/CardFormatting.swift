/// How a paper card words its byline and dates, as on the reference listing page.
public enum CardFormatting {
    static let monthAbbreviations = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    static let monthNames = [
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ]

    /// "Mar 24" for a day in `currentYear`, "Oct 1, 2024" otherwise.
    public static func shortDate(_ day: Day, currentYear: Int) -> String {
        let monthDay = "\(monthAbbreviations[day.month - 1]) \(day.day)"
        return day.year == currentYear ? monthDay : "\(monthDay), \(day.year)"
    }

    /// "Monday" … "Sunday".
    public static func weekdayName(_ day: Day) -> String {
        ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"][day.weekday - 1]
    }

    /// "Sunday, December 27": the weekday with the month and day.
    public static func weekdayDate(_ day: Day) -> String {
        "\(weekdayName(day)), \(monthNames[day.month - 1]) \(day.day)"
    }

    /// "Oct 1, 2024", always with the year.
    public static func fullDate(_ day: Day) -> String {
        "\(monthAbbreviations[day.month - 1]) \(day.day), \(day.year)"
    }

    /// "October 2025".
    public static func monthTitle(_ month: YearMonth) -> String {
        "\(monthNames[month.month - 1]) \(month.year)"
    }

    /// "Week 44, 2025 · Oct 27 – Nov 2".
    public static func weekTitle(_ week: ISOWeek) -> String {
        let sunday = week.monday.adding(days: 6)
        return "Week \(week.week), \(week.year) · \(shortDate(week.monday, currentYear: week.year)) – \(shortDate(sunday, currentYear: week.year))"
    }

    /// The heading for a feed window.
    public static func title(of window: FeedWindow) -> String {
        switch window {
            case .day(let day): return fullDate(day)
            case .week(let week): return weekTitle(week)
            case .month(let month): return monthTitle(month)
        }
    }

    /// What a card shows before the date: the organization's display name, else "• N authors"; nil when neither is known.
    public static func byline(for paper: Paper) -> Byline? {
        if let organization = paper.organization { return .organization(organization) }
        guard paper.authorCount > 0 else { return nil }
        return .authors("• " + authorCount(paper.authorCount))
    }

    /// "1 author", "3 authors".
    public static func authorCount(_ count: Int) -> String {
        "\(count) \(count == 1 ? "author" : "authors")"
    }

    /// The two kinds of card byline.
    public enum Byline: Sendable, Equatable {
        case organization(Organization)
        case authors(String)

        /// The byline as plain text.
        public var text: String {
            switch self {
                case .organization(let organization): return organization.fullname
                case .authors(let text): return text
            }
        }
    }
}

extension CardFormatting {
    /// The first `limit` characters of `text`, cut at a word and ended with "…": what a card shows of an abstract.
    public static func snippet(_ text: String, limit: Int = 320) -> String {
        guard text.count > limit else { return text }
        let cut = text.prefix(limit)
        var word = cut.lastIndex(where: \.isWhitespace).map { cut[..<$0] } ?? cut
        while let last = word.last, last.isWhitespace || last.isPunctuation { word = word.dropLast() }
        return word + "…"
    }

    /// "1.2k" for 1,234 stars, "87" for 87.
    public static func compactCount(_ count: Int) -> String {
        guard count >= 1_000 else { return String(count) }
        let tenths = (count + 50) / 100
        return tenths >= 1_000 || tenths % 10 == 0 ? "\((count + 500) / 1_000)k" : "\(tenths / 10).\(tenths % 10)k"
    }

    /// "4 comments", "1 comment".
    public static func comments(_ count: Int) -> String {
        "\(count) comment\(count == 1 ? "" : "s")"
    }
}

extension CardFormatting {
    /// "Aug 22, 2026, 00:00 UTC": a moment as people read it.
    public static func moment(_ time: Timestamp) -> String {
        let millisecondsOfDay = ((time.millisecondsSinceEpoch % 86_400_000) + 86_400_000) % 86_400_000
        let minutes = Int(millisecondsOfDay / 60_000)
        return "\(fullDate(time.day)), \(Day.pad(minutes / 60, 2)):\(Day.pad(minutes % 60, 2)) UTC"
    }
}
