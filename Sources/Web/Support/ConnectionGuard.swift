import HummingbirdCore
import NIOCore
import NIOHTTPTypes
import Synchronization

/// Bounds what idle or hostile clients can hold: at most `maxConnections` open at once (a connection past the cap
/// is closed as soon as it is accepted), and a connection must send its first request's head within `headerTimeout`
/// (a client that trickles header bytes is closed). Idle keep-alive connections are closed by Hummingbird's
/// `idleTimeout`, which `ServerSettings` sets too.
final class ConnectionGuard: Sendable {
    let maxConnections: Int
    let headerTimeout: TimeAmount
    private let open = Atomic<Int>(0)

    init(maxConnections: Int, headerTimeout: TimeAmount) {
        self.maxConnections = maxConnections
        self.headerTimeout = headerTimeout
    }

    /// The connections open now.
    var openConnections: Int { open.load(ordering: .relaxed) }

    /// A handler for one new connection's pipeline.
    func handler() -> Handler {
        Handler(guard: self)
    }

    /// Counts the connection while its pipeline holds it, and closes it when it is over the cap or too slow.
    final class Handler: ChannelInboundHandler, RemovableChannelHandler {
        typealias InboundIn = HTTPRequestPart
        typealias InboundOut = HTTPRequestPart

        private let owner: ConnectionGuard
        private var counted = false
        private var headerDeadline: Scheduled<Void>?

        init(guard owner: ConnectionGuard) {
            self.owner = owner
        }

        func handlerAdded(context: ChannelHandlerContext) {
            let count = owner.open.wrappingAdd(1, ordering: .relaxed).newValue
            counted = true
            guard count <= owner.maxConnections else {
                context.close(promise: nil)
                return
            }
            let channel = context.channel
            headerDeadline = context.eventLoop.scheduleTask(in: owner.headerTimeout) { channel.close(promise: nil) }
        }

        func handlerRemoved(context: ChannelHandlerContext) {
            headerDeadline?.cancel()
            if counted { owner.open.wrappingSubtract(1, ordering: .relaxed) }
            counted = false
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            if case .head = unwrapInboundIn(data) {
                headerDeadline?.cancel()
                headerDeadline = nil
            }
            context.fireChannelRead(data)
        }
    }
}
