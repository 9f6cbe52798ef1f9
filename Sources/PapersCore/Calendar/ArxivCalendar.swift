/// arXiv's announcement calendar: new papers go out at 20:00 in New York, Sunday to Thursday, except on arXiv's own
/// holidays (its list, not the US federal calendar), read from a data file an operator can update without a release.
public struct ArxivCalendar: Sendable, Equatable {
    /// Evenings without an announcement beyond Fridays and Saturdays, with their names.
    public let holidays: [Day: String]

    /// When the announcement goes out, New York time.
    public static let announcementHour = 20
    /// The submission deadline for an evening's announcement, New York time.
    public static let cutoffHour = 14

    public init(holidays: [Day: String] = [:]) {
        self.holidays = holidays
    }

    /// Why an evening has no announcement.
    public enum Silence: Sendable, Equatable {
        case friday, saturday
        case holiday(String)
    }

    /// Nil when arXiv announces on the evening of `day` (New York), else why it does not.
    public func silence(on day: Day) -> Silence? {
        if let name = holidays[day] { return .holiday(name) }
        switch day.weekday {
            case 5: return .friday
            case 6: return .saturday
            default: return nil
        }
    }

    /// Whether arXiv announces on the evening of `day` (New York).
    public func announces(on day: Day) -> Bool { silence(on: day) == nil }

    /// The instant of the announcement on the evening of `day`.
    public func announcementTime(on day: Day) -> Timestamp {
        EasternTime.instant(on: day, hour: Self.announcementHour)
    }

    /// The first evening at or after `day` with an announcement (a year of holidays cannot hide every evening; the
    /// search stops after 60 days all the same).
    public func nextAnnouncementDay(from day: Day) -> Day {
        var candidate = day
        while !announces(on: candidate), candidate.daysSinceEpoch - day.daysSinceEpoch < 60 { candidate = candidate.adding(days: 1) }
        return candidate
    }

    /// The last evening at or before `day` with an announcement.
    public func previousAnnouncementDay(from day: Day) -> Day {
        var candidate = day
        while !announces(on: candidate), day.daysSinceEpoch - candidate.daysSinceEpoch < 60 { candidate = candidate.adding(days: -1) }
        return candidate
    }

    /// The next announcement strictly after `instant`.
    public func nextAnnouncement(after instant: Timestamp) -> Timestamp {
        let today = EasternTime.local(instant).day
        let todays = announcementTime(on: today)
        if announces(on: today) && todays > instant { return todays }
        return announcementTime(on: nextAnnouncementDay(from: today.adding(days: 1)))
    }

    /// The most recent announcement at or before `instant`: the batch that should be on the site by now.
    public func latestAnnouncement(atOrBefore instant: Timestamp) -> Timestamp {
        let today = EasternTime.local(instant).day
        if announces(on: today) && announcementTime(on: today) <= instant { return announcementTime(on: today) }
        return announcementTime(on: previousAnnouncementDay(from: today.adding(days: -1)))
    }

    /// What the site says on an evening without an announcement (New York's day of `instant`): the whole sentence,
    /// e.g. "arXiv makes no announcement on Saturdays; the next one is Sunday 20:00 ET.", and a brief one that fits
    /// one line of a phone, "arXiv is quiet until Sunday 20:00 ET."; nil on announcement days.
    public func quietDay(at instant: Timestamp) -> QuietDay? {
        let today = EasternTime.local(instant).day
        guard let silence = silence(on: today) else { return nil }
        let next = nextAnnouncementDay(from: today)
        let reason =
            switch silence {
                case .friday: "on Fridays"
                case .saturday: "on Saturdays"
                case .holiday(let name): "today (\(name))"
            }
        // Within the week a weekday is clear; further off (a run of holidays) the date says which one.
        let when = next.adding(days: -7) < today ? CardFormatting.weekdayName(next) : CardFormatting.weekdayDate(next)
        return QuietDay(
            notice: "arXiv makes no announcement \(reason); the next one is \(when) 20:00 ET.", brief: "arXiv is quiet until \(when) 20:00 ET."
        )
    }

    /// The whole sentence of `quietDay(at:)`.
    public func quietDayNotice(at instant: Timestamp) -> String? {
        quietDay(at: instant)?.notice
    }
}

/// arXiv's silence on one evening, in the site's words.
public struct QuietDay: Sendable, Equatable {
    /// Why there is no announcement and when the next one comes.
    public let notice: String
    /// When the next one comes, in one short line.
    public let brief: String
}

extension ArxivCalendar {
    /// An error in the calendar file, with its line.
    public struct FileError: Error, Equatable, CustomStringConvertible {
        public let line: Int
        public let message: String
        public var description: String { "line \(line): \(message)" }
    }

    /// Reads the calendar file: one holiday per line, `YYYY-MM-DD name`; blank lines and `#` comments are skipped.
    public init(parsing text: String) throws(FileError) {
        var holidays: [Day: String] = [:]
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line =
                rawLine.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init)?.trimmingWhitespace() ?? ""
            guard !line.isEmpty else { continue }
            let date = line.prefix(10)
            guard let day = Day(iso: date) else {
                throw FileError(line: index + 1, message: "expected a date as YYYY-MM-DD, found \"\(line.prefix(20))\"")
            }
            guard holidays[day] == nil else { throw FileError(line: index + 1, message: "\(day) is listed twice") }
            let name = String(line.dropFirst(10)).trimmingWhitespace()
            holidays[day] = name.isEmpty ? "an arXiv holiday" : name
        }
        self.init(holidays: holidays)
    }
}
