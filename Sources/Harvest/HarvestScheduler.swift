import Logging
import PapersCore
import Storage

/// The harvest that `serve` runs by itself: each step asks the schedule which sources are due and runs them through
/// the runner (one instance at a time; the others find the lock taken and wait for the next step), then records
/// each source's next run for the status page.
public struct HarvestScheduler: Sendable {
    let runner: HarvestRunner
    let schedule: HarvestSchedule
    let logger: Logger
    let clock: @Sendable () -> Timestamp

    public init(runner: HarvestRunner, calendar: ArxivCalendar, logger: Logger, clock: @escaping @Sendable () -> Timestamp) {
        self.runner = runner
        schedule = HarvestSchedule(calendar: calendar)
        self.logger = logger
        self.clock = clock
    }

    /// One look at the clock: runs what is due.
    public func step() async {
        do {
            let now = clock()
            let states = Dictionary(uniqueKeysWithValues: try await runner.ingest.states().map { ($0.source, $0) })
            for source in IngestState.Source.allCases {
                guard let state = states[source] else { continue }
                if next(source, state, at: now) <= now { await run(source) }
                let after = try await runner.ingest.state(of: source)
                try await runner.ingest.schedule(source, nextRunAt: next(source, after, at: clock()))
            }
        } catch {
            logger.warning("harvest schedule: \(error)")
        }
    }

    private func next(_ source: IngestState.Source, _ state: IngestState, at now: Timestamp) -> Timestamp {
        switch source {
            case .arxivListing: schedule.nextListingRun(state, at: now)
            case .arxivOAI: schedule.nextRecordsRun(state, at: now)
            case .huggingface: schedule.nextHubRun(state, at: now)
        }
    }

    private func run(_ source: IngestState.Source) async {
        do {
            switch source {
                case .arxivListing:
                    if let done = try await runner.arxiv(.listing)?[.arxivListing] { logger.info("arXiv listing: \(done.line)") }
                case .arxivOAI:
                    if let done = try await runner.arxiv(.records)?[.arxivOAI] { logger.info("arXiv OAI-PMH: \(done.line)") }
                case .huggingface:
                    if let done = try await runner.huggingface() { logger.info("Hugging Face daily list: \(done.line)") }
            }
        } catch {
            // The runner has recorded the error for the status page; the schedule retries later.
            logger.warning("\(source.title): \(error)")
        }
    }
}
