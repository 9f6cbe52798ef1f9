import Foundation
import Synchronization

/// Threads kept to encode one text on every core at once: lane 0 runs on the caller, the others on threads of
/// their own that wait for work, and all meet at a spinning barrier once per layer. Waking a thread costs tens of
/// microseconds here, so a query wakes each helper once rather than once per step; a team serves one caller at a
/// time, and a second caller meanwhile is told to run alone.
final class LaneTeam: @unchecked Sendable {
    let lanes: Int
    private let barrier: SpinBarrier
    private let inUse = Atomic<Bool>(false)
    private let starts: [DispatchSemaphore]
    private let finished = DispatchSemaphore(value: 0)
    /// The pass being run; written before the helpers are woken and cleared after they are done.
    private var job: (@Sendable (Lane) -> Void)?

    init(lanes: Int) {
        self.lanes = max(1, lanes)
        barrier = SpinBarrier(parties: self.lanes)
        starts = (1..<self.lanes).map { _ in DispatchSemaphore(value: 0) }
        for index in 1..<self.lanes {
            let thread = Thread { [self] in serve(lane: index) }
            thread.name = "dailypapers.encoder-lane-\(index)"
            thread.start()
        }
    }

    /// Runs `body` once per lane, all at once, and returns true; returns false at once, without running it, when
    /// the team is busy with another caller's pass.
    func run(_ body: @escaping @Sendable (Lane) -> Void) -> Bool {
        guard inUse.compareExchange(expected: false, desired: true, ordering: .acquiring).exchanged else { return false }
        defer { inUse.store(false, ordering: .releasing) }
        job = body
        for start in starts { start.signal() }
        body(Lane(index: 0, count: lanes, barrier: barrier))
        for _ in starts { finished.wait() }
        job = nil
        return true
    }

    private func serve(lane index: Int) {
        while true {
            starts[index - 1].wait()
            job?(Lane(index: index, count: lanes, barrier: barrier))
            finished.signal()
        }
    }
}

/// One of the lanes running a pass: which share of the rows is its own, and where it waits for the others.
struct Lane: Sendable {
    static let alone = Lane(index: 0, count: 1, barrier: nil)

    let index: Int
    let count: Int
    let barrier: SpinBarrier?

    /// This lane's contiguous share of `0..<total`.
    func share(of total: Int) -> Range<Int> {
        (total * index / count)..<(total * (index + 1) / count)
    }

    /// Returns when every lane has called it.
    func waitForTheOthers() {
        barrier?.wait()
    }
}

/// A barrier for a few threads that each own a core. Waiting spins, since lanes given equal shares arrive within
/// microseconds of each other; a lane still waiting after about 50 µs (its partner is off the core) sleeps in short
/// naps instead, so a busy machine's other work gets the core.
final class SpinBarrier: Sendable {
    private let parties: Int
    private let arrived = Atomic<Int>(0)
    private let phase = Atomic<Int>(0)

    init(parties: Int) {
        self.parties = parties
    }

    func wait() {
        guard parties > 1 else { return }
        let current = phase.load(ordering: .acquiring)
        if arrived.wrappingAdd(1, ordering: .acquiringAndReleasing).newValue == parties {
            arrived.store(0, ordering: .relaxed)
            phase.wrappingAdd(1, ordering: .releasing)
            return
        }
        var spins = 0
        while phase.load(ordering: .acquiring) == current {
            spins += 1
            if spins > 20_000 { usleep(50) }
        }
    }
}
