import Harvest
import PapersCore
import Testing

@Suite("the harvest schedule")
struct HarvestScheduleTests {
    let schedule = HarvestSchedule(calendar: ArxivCalendar(holidays: [Day(iso: "2026-12-02")!: "a test holiday"]))

    /// New York time on a December day of 2026 (UTC−5).
    func newYork(_ day: String, _ hour: Int, _ minute: Int = 0) throws -> Timestamp {
        EasternTime.instant(on: try #require(Day(iso: day)), hour: hour, minute: minute)
    }

    func listing(checkpoint: String?, lastRun: Timestamp? = nil) -> IngestState {
        IngestState(source: .arxivListing, checkpoint: checkpoint, lastRunAt: lastRun)
    }

    @Test("the listing is read after each announcement, retried until the new day is in, then left until the next one")
    func listing() throws {
        // Monday 30 Nov 20:00 announced the mailing of Tuesday 1 Dec; Tuesday 2 Dec is a holiday here.
        let tuesdayAfternoon = try newYork("2026-12-01", 15)
        #expect(schedule.expectedListingDay(at: tuesdayAfternoon).description == "2026-12-01")
        #expect(schedule.nextListingRun(listing(checkpoint: "2026-12-01"), at: tuesdayAfternoon) == (try newYork("2026-12-01", 20, 5)))
        // Tuesday 20:10: the Wednesday listing is expected; not read yet, so due now (it opened at 20:05).
        let evening = try newYork("2026-12-01", 20, 10)
        #expect(schedule.nextListingRun(listing(checkpoint: "2026-12-01"), at: evening) <= evening)
        // Read at 20:10 and still the old day: again at 20:25.
        #expect(
            schedule.nextListingRun(listing(checkpoint: "2026-12-01", lastRun: evening), at: try newYork("2026-12-01", 20, 12))
                == (try newYork("2026-12-01", 20, 25)))
        // Once in, nothing until the next announcement: Wednesday is the holiday, so Thursday 20:05.
        #expect(
            schedule.nextListingRun(listing(checkpoint: "2026-12-02", lastRun: evening), at: try newYork("2026-12-01", 21))
                == (try newYork("2026-12-03", 20, 5)))
        // Never found: given up 20 hours after the announcement, until the next one.
        #expect(
            schedule.nextListingRun(listing(checkpoint: "2026-12-01", lastRun: evening), at: try newYork("2026-12-02", 17))
                == (try newYork("2026-12-03", 20, 5)))
    }

    @Test("quiet days wait for Sunday's announcement")
    func weekend() throws {
        let saturday = try newYork("2026-12-05", 12)
        #expect(schedule.expectedListingDay(at: saturday).description == "2026-12-04")
        #expect(schedule.nextListingRun(listing(checkpoint: "2026-12-04"), at: saturday) == (try newYork("2026-12-06", 20, 5)))
    }

    @Test("OAI-PMH records once a night from 23:00, retried every half hour until a run succeeds")
    func records() throws {
        let state = IngestState(source: .arxivOAI)
        #expect(schedule.nextRecordsRun(state, at: try newYork("2026-12-01", 22)) == (try newYork("2026-12-01", 23)))
        let late = try newYork("2026-12-01", 23, 30)
        #expect(schedule.nextRecordsRun(state, at: late) <= late)
        let failed = IngestState(source: .arxivOAI, lastRunAt: late)
        #expect(schedule.nextRecordsRun(failed, at: try newYork("2026-12-01", 23, 31)) == (try newYork("2026-12-02", 0)))
        let done = IngestState(source: .arxivOAI, lastRunAt: late, lastSuccessAt: late)
        #expect(schedule.nextRecordsRun(done, at: try newYork("2026-12-01", 23, 31)) == (try newYork("2026-12-03", 23)))
    }

    @Test("Hugging Face's list hourly, and at once after it rolls over at 21:30")
    func hub() throws {
        let ten = try newYork("2026-12-01", 10)
        #expect(schedule.nextHubRun(IngestState(source: .huggingface), at: ten) == ten)
        let ran = IngestState(source: .huggingface, lastRunAt: try newYork("2026-12-01", 21))
        #expect(schedule.nextHubRun(ran, at: try newYork("2026-12-01", 21, 20)) == (try newYork("2026-12-01", 22)))
        let rolled = try newYork("2026-12-01", 21, 31)
        #expect(schedule.nextHubRun(ran, at: rolled) == rolled)
    }
}
