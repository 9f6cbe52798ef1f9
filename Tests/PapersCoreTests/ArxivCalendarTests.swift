import Foundation
import Testing

@testable import PapersCore

@Suite struct ArxivCalendarTests {
    /// The calendar as shipped (built into the binary from this file).
    static func shipped() throws -> ArxivCalendar {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let text = try String(contentsOf: root.appendingPathComponent("Sources/DailyPapersApp/Resources/arxiv-holidays.txt"), encoding: .utf8)
        return try ArxivCalendar(parsing: text)
    }

    /// arXiv's published schedule for 2026 (help/availability): Sunday–Thursday evenings, less these holidays.
    static let published2026Holidays: Set<String> = [
        "2026-01-01", "2026-01-19", "2026-06-19", "2026-07-03", "2026-09-07", "2026-11-26", "2026-12-25", "2026-12-29", "2026-12-31",
    ]

    @Test func classifiesEveryDayOf2026AsPublished() throws {
        let calendar = try Self.shipped()
        var day = try #require(Day(iso: "2026-01-01"))
        var announcing = 0
        while day.year == 2026 {
            let expected = ![5, 6].contains(day.weekday) && !Self.published2026Holidays.contains(day.description)
            #expect(calendar.announces(on: day) == expected, "\(day) (weekday \(day.weekday))")
            if expected { announcing += 1 }
            day = day.adding(days: 1)
        }
        // 261 Sunday–Thursday evenings, 6 of the 9 holidays among them (06-19, 07-03 and 12-25 are Fridays).
        #expect(announcing == 255)
        #expect(calendar.announces(on: try #require(Day(iso: "2026-02-16"))), "Presidents' Day is a working day for arXiv")
        #expect(calendar.announces(on: try #require(Day(iso: "2026-05-25"))), "so is Memorial Day")
    }

    @Test func announcesAtEightInTheEveningNewYorkTimeInBothSeasons() throws {
        let calendar = ArxivCalendar()
        // Before summer time (EST, UTC−5) and after it starts on 2026-03-08 (EDT, UTC−4).
        #expect(calendar.announcementTime(on: try #require(Day(iso: "2026-03-05"))).description == "2026-03-06T01:00:00.000Z")
        #expect(calendar.announcementTime(on: try #require(Day(iso: "2026-03-08"))).description == "2026-03-09T00:00:00.000Z")
        #expect(calendar.announcementTime(on: try #require(Day(iso: "2026-11-01"))).description == "2026-11-02T01:00:00.000Z")
        let local = EasternTime.local(try #require(Timestamp(iso: "2026-07-01T03:30:00Z")))
        #expect(local.day.description == "2026-06-30")
        #expect(local.minuteOfDay == 23 * 60 + 30)
    }

    @Test func findsTheNextAndLatestAnnouncement() throws {
        let calendar = try Self.shipped()
        // Friday 2026-12-04 noon ET: the latest was Thursday's, the next is Sunday's.
        let friday = try #require(Timestamp(iso: "2026-12-04T17:00:00Z"))
        #expect(calendar.latestAnnouncement(atOrBefore: friday).description == "2026-12-04T01:00:00.000Z")
        #expect(calendar.nextAnnouncement(after: friday).description == "2026-12-07T01:00:00.000Z")
        // Christmas Day (a Friday) and the closures after it: Sunday 27 and Monday 28 announce, 29 does not.
        let christmas = try #require(Timestamp(iso: "2026-12-25T18:00:00Z"))
        #expect(calendar.nextAnnouncement(after: christmas).description == "2026-12-28T01:00:00.000Z")
        let tuesday = try #require(Timestamp(iso: "2026-12-29T20:00:00Z"))
        #expect(calendar.nextAnnouncement(after: tuesday).description == "2026-12-31T01:00:00.000Z")
        // At 20:00 sharp the announcement is the latest one, no longer the next.
        let eight = calendar.announcementTime(on: try #require(Day(iso: "2026-12-02")))
        #expect(calendar.latestAnnouncement(atOrBefore: eight) == eight)
        #expect(calendar.nextAnnouncement(after: eight) > eight)
    }

    @Test func saysPlainlyWhenArxivIsQuiet() throws {
        let calendar = try Self.shipped()
        let saturday = try #require(Timestamp(iso: "2026-12-05T15:00:00Z"))
        #expect(calendar.quietDayNotice(at: saturday) == "arXiv makes no announcement on Saturdays; the next one is Sunday 20:00 ET.")
        let friday = try #require(Timestamp(iso: "2026-12-04T15:00:00Z"))
        #expect(calendar.quietDayNotice(at: friday) == "arXiv makes no announcement on Fridays; the next one is Sunday 20:00 ET.")
        let thanksgiving = try #require(Timestamp(iso: "2026-11-26T15:00:00Z"))
        #expect(calendar.quietDayNotice(at: thanksgiving) == "arXiv makes no announcement today (Thanksgiving Day); the next one is Sunday 20:00 ET.")
        #expect(calendar.quietDayNotice(at: try #require(Timestamp(iso: "2026-12-02T15:00:00Z"))) == nil)
        // Late on Saturday night in New York it is already Sunday in UTC: the notice follows New York.
        #expect(calendar.quietDayNotice(at: try #require(Timestamp(iso: "2026-12-06T03:00:00Z"))) != nil)
    }

    @Test func refusesABadCalendarFileNamingTheLine() {
        #expect(throws: ArxivCalendar.FileError(line: 2, message: "expected a date as YYYY-MM-DD, found \"2026-13-01 x\"")) {
            try ArxivCalendar(parsing: "# comment\n2026-13-01 x\n")
        }
        #expect(throws: ArxivCalendar.FileError(line: 3, message: "2026-12-25 is listed twice")) {
            try ArxivCalendar(parsing: "2026-12-25 a\n\n2026-12-25 b\n")
        }
    }
}
