import PapersCore

/// When each source is due, on arXiv's calendar, decided from the stored state alone, so any instance (and one that
/// restarted) takes the same decision: the listing after each announcement until the new day's listing is in, the
/// OAI-PMH records once a night after arXiv publishes them, Hugging Face's list every hour and just after it rolls over.
public struct HarvestSchedule: Sendable {
    let calendar: ArxivCalendar

    /// After 20:00 New York time the listing is retried this often until the new day appears...
    public static let listingRetry: Duration = .seconds(15 * 60)
    /// ... starting this long after the announcement, and giving up this long after it (the next one starts afresh).
    static let listingDelayMinutes: Int64 = 5
    static let listingGiveUpHours: Int64 = 20
    /// OAI-PMH records appear about 22:30 New York time; the harvest starts at 23:00.
    static let recordsDelayHours: Int64 = 3
    static let recordsRetry: Duration = .seconds(30 * 60)
    public static let hubInterval: Duration = .seconds(60 * 60)

    public init(calendar: ArxivCalendar) {
        self.calendar = calendar
    }

    /// The day of the listing the latest announcement at or before `now` produces (the mailing after the evening).
    public func expectedListingDay(at now: Timestamp) -> Day {
        EasternTime.local(calendar.latestAnnouncement(atOrBefore: now)).day.adding(days: 1)
    }

    /// When the listing should next be read, given the stored state; at or before `now` means now.
    public func nextListingRun(_ state: IngestState, at now: Timestamp) -> Timestamp {
        let announced = calendar.latestAnnouncement(atOrBefore: now)
        let afterNext = calendar.nextAnnouncement(after: now).plus(minutes: Self.listingDelayMinutes)
        if let have = state.checkpoint.flatMap({ Day(iso: $0) }), have >= expectedListingDay(at: now) { return afterNext }
        let opens = announced.plus(minutes: Self.listingDelayMinutes)
        guard now < announced.plus(minutes: Self.listingGiveUpHours * 60) else { return afterNext }
        return max(opens, state.lastRunAt.map { $0.plus(Self.listingRetry) } ?? opens)
    }

    /// When the OAI-PMH records should next be harvested.
    public func nextRecordsRun(_ state: IngestState, at now: Timestamp) -> Timestamp {
        let opens = calendar.latestAnnouncement(atOrBefore: now).plus(minutes: Self.recordsDelayHours * 60)
        let following = calendar.nextAnnouncement(after: now).plus(minutes: Self.recordsDelayHours * 60)
        guard now >= opens else { return opens }
        if let success = state.lastSuccessAt, success >= opens { return following }
        return max(opens, state.lastRunAt.map { $0.plus(Self.recordsRetry) } ?? opens)
    }

    /// When Hugging Face's list should next be mirrored: hourly, and at once after its day rolls over.
    public func nextHubRun(_ state: IngestState, at now: Timestamp) -> Timestamp {
        guard let last = state.lastRunAt else { return now }
        if HubDailySync.currentDay(at: now) > HubDailySync.currentDay(at: last) { return now }
        return last.plus(Self.hubInterval)
    }
}

extension Timestamp {
    func plus(minutes: Int64) -> Timestamp { Timestamp(millisecondsSinceEpoch: millisecondsSinceEpoch + minutes * 60_000) }

    func plus(_ duration: Duration) -> Timestamp {
        Timestamp(millisecondsSinceEpoch: millisecondsSinceEpoch + duration.components.seconds * 1000)
    }
}
