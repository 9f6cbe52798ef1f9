import Foundation
import Hummingbird

/// A stand-in site of a test's own: `router` served on a free loopback port while `body` runs.
enum LocalServer {
    /// Runs `router` for the duration of `body`, which gets the server's base URL (`http://127.0.0.1:PORT`).
    static func serve<T: Sendable>(_ router: Router<BasicRequestContext>, _ body: @Sendable (URL) async throws -> T) async throws -> T {
        let (portStream, portContinuation) = AsyncStream.makeStream(of: Int.self)
        let app = Application(
            router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in portContinuation.yield(channel.localAddress?.port ?? 0) }
        )
        return try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask {
                try await app.run()
                return nil
            }
            var ports = portStream.makeAsyncIterator()
            guard let port = await ports.next(), let url = URL(string: "http://127.0.0.1:\(port)") else { throw CancellationError() }
            let result = try await body(url)
            group.cancelAll()
            return result
        }
    }
}
