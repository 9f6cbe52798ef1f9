import Testing

@testable import PapersCore

@Suite struct DayTests {
    @Test func parsesAndPrintsISODays() throws {
        let day = try #require(Day(iso: "2024-02-29"))
        #expect(day.description == "2024-02-29")
        #expect(Day(iso: "2023-02-29") == nil)
        #expect(Day(iso: "2024-13-01") == nil)
        #expect(Day(iso: "2024-1-01") == nil)
        #expect(Day(iso: "2024-01-01x") == nil)
    }

    @Test func countsDaysAcrossEpochAndLeapYears() throws {
        let epoch = try #require(Day(year: 1970, month: 1, day: 1))
        #expect(epoch.daysSinceEpoch == 0)
        #expect(Day(daysSinceEpoch: 0) == epoch)
        let day = try #require(Day(iso: "2025-11-03"))
        #expect(Day(daysSinceEpoch: day.daysSinceEpoch) == day)
        #expect(day.adding(days: 60).description == "2026-01-02")
        #expect(try #require(Day(iso: "2024-02-28")).adding(days: 1).description == "2024-02-29")
    }

    @Test func knowsWeekdays() throws {
        #expect(try #require(Day(iso: "2025-11-03")).weekday == 1)  // a Monday
        #expect(try #require(Day(iso: "2025-11-09")).weekday == 7)
        #expect(try #require(Day(iso: "2025-11-08")).isWeekend)
        #expect(!(try #require(Day(iso: "2025-11-07")).isWeekend))
    }

    @Test func parsesTimestampsInEverySourceForm() throws {
        let full = try #require(Timestamp(iso: "2024-05-24T17:34:15.000Z"))
        #expect(full.description == "2024-05-24T17:34:15.000Z")
        #expect(try #require(Timestamp(iso: "2024-05-24T17:34:15Z")) == full)
        #expect(try #require(Timestamp(iso: "2024-05-24T19:34:15+02:00")) == full)
        #expect(try #require(Timestamp(iso: "2025-09-08T02:44:20.973Z")).description == "2025-09-08T02:44:20.973Z")
        #expect(try #require(Timestamp(iso: "2025-03-24")).description == "2025-03-24T00:00:00.000Z")
        #expect(full.day.description == "2024-05-24")
        #expect(Timestamp(iso: "2024-05-24T25:00:00Z") == nil)
        #expect(Timestamp(iso: "yesterday") == nil)
    }
}

@Suite struct FeedWindowTests {
    @Test func isoWeeksFollowTheThursdayRule() throws {
        // 2024-12-30 (a Monday) belongs to week 1 of 2025.
        let week = ISOWeek(containing: try #require(Day(iso: "2024-12-30")))
        #expect(week.description == "2025-W01")
        #expect(try #require(ISOWeek(iso: "2025-W44")).monday.description == "2025-10-27")
        #expect(ISOWeek(iso: "2020-W53") != nil)
        #expect(ISOWeek(iso: "2025-W53") == nil)
        #expect(ISOWeek(iso: "2025-44") == nil)
    }

    @Test func windowsCoverTheirDays() throws {
        let week = FeedWindow.week(try #require(ISOWeek(iso: "2025-W44")))
        #expect(week.days.lowerBound.description == "2025-10-27")
        #expect(week.days.upperBound.description == "2025-11-02")
        let month = FeedWindow.month(try #require(YearMonth(iso: "2024-02")))
        #expect(month.days.upperBound.description == "2024-02-29")
        #expect(YearMonth(iso: "2024-00") == nil)
    }

    @Test func previousAndNextSkipEmptyDays() throws {
        let days = try ["2025-10-30", "2025-11-03", "2025-11-07", "2025-12-01"].map { try #require(Day(iso: $0)) }
        let window = FeedWindow.day(days[1])
        #expect(window.previous(in: days) == .day(days[0]))
        #expect(window.next(in: days) == .day(days[2]))
        #expect(FeedWindow.day(days[0]).previous(in: days) == nil)
        let month = FeedWindow.month(YearMonth(year: 2025, month: 11))
        #expect(month.previous(in: days) == .month(YearMonth(year: 2025, month: 10)))
        #expect(month.next(in: days) == .month(YearMonth(year: 2025, month: 12)))
        let week = FeedWindow.week(ISOWeek(containing: days[1]))
        #expect(week.next(in: days) == .week(ISOWeek(containing: days[3])))
    }
}
