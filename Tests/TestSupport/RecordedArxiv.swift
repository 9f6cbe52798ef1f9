import Foundation
import Hummingbird
import NIOCore
import Synchronization

/// A local stand-in for the arXiv API that serves recorded answers, so the client is tested over real HTTP.
///
/// Each paper id gets a queue of answers (the last one repeats); unknown ids get an empty feed, as arXiv gives.
public final class RecordedArxiv: Sendable {
    /// One recorded answer: status, body and how long the server waits before answering.
    public struct Answer: Sendable {
        public var status: Int
        public var body: String
        public var delay: Duration

        public init(status: Int = 200, body: String, delay: Duration = .zero) {
            self.status = status
            self.body = body
            self.delay = delay
        }
    }

    /// A request the server received.
    public struct Received: Sendable {
        public let id: String
        public let userAgent: String
        public let at: ContinuousClock.Instant
    }

    private let answers = Mutex<[String: [Answer]]>([:])
    private let log = Mutex<[Received]>([])

    public init() {}

    public func answer(_ id: String, with queue: [Answer]) {
        answers.withLock { $0[id] = queue }
    }

    public var received: [Received] { log.withLock { $0 } }

    /// How many requests for `id` arrived, once there are at least `count` or `within` has passed: a request the
    /// client gave up waiting for may reach the handler a moment later on a busy machine.
    public func requests(for id: String, reaching count: Int, within: Duration = .seconds(5)) async -> Int {
        let deadline = ContinuousClock.now + within
        while true {
            let seen = received.filter { $0.id == id }.count
            if seen >= count || ContinuousClock.now >= deadline { return seen }
            try? await Task.sleep(for: .milliseconds(20))
        }
    }

    /// Runs the server on a free port for the duration of `body`, which gets the query endpoint.
    public func serve<T: Sendable>(_ body: @Sendable (URL) async throws -> T) async throws -> T {
        let router = Router()
        router.get("/api/query") { request, _ in try await self.respond(to: request) }
        return try await LocalServer.serve(router) { base in try await body(base.appendingPathComponent("api/query")) }
    }

    private func respond(to request: Request) async throws -> Response {
        let id = request.uri.queryParameters["id_list"].map(String.init) ?? ""
        log.withLock { $0.append(Received(id: id, userAgent: request.headers[.userAgent] ?? "", at: .now)) }
        let answer = answers.withLock { queues -> Answer in
            guard var queue = queues[id], let first = queue.first else { return Answer(body: Self.emptyFeed) }
            if queue.count > 1 {
                queue.removeFirst()
                queues[id] = queue
            }
            return first
        }
        if answer.delay > .zero { try await Task.sleep(for: answer.delay) }
        return Response(
            status: .init(code: answer.status), headers: [.contentType: "application/atom+xml; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: answer.body))
        )
    }

    /// What arXiv answers for an id it does not know: a feed without entries.
    public static let emptyFeed = """
        <?xml version="1.0" encoding="UTF-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom"><title type="html">ArXiv Query: id_list=</title>
        <opensearch:totalResults xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/">0</opensearch:totalResults></feed>
        """

    /// The recorded arXiv answer of the shared data, one entry of it, re-dated and re-numbered so it reads as `id`
    /// published at `published` (the recording is from 2015; submissions need recent papers).
    public static func recordedEntry(id: String, published: String) throws -> String {
        let feed = try String(contentsOfFile: SharedData.path("fixtures/arxiv-api/query-all-science-max10.atom.xml"), encoding: .utf8)
        guard let start = feed.range(of: "<entry>"), let end = feed.range(of: "</entry>", range: start.upperBound..<feed.endIndex) else {
            throw CocoaError(.fileReadCorruptFile)
        }
        var entry = String(feed[start.lowerBound..<end.upperBound])
        entry = entry.replacingOccurrences(of: "1501.05039", with: id)
        entry = entry.replacingOccurrences(of: "2015-01-21T02:41:55Z", with: published)
        return String(feed[..<start.lowerBound]) + entry + "\n</feed>\n"
    }
}
