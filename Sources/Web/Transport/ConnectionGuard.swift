import HummingbirdCore
import NIOCore
import NIOHTTPTypes
import NIOHTTPTypesHTTP1
import Synchronization

/// Bounds what idle or hostile clients can hold: at most `maxConnections` open at once (a connection past the cap
/// is closed as soon as it is accepted), and a connection must send its first request's head within `headerTimeout`
/// (a client that trickles header bytes is closed). After that head, idle connections are closed by the cached-page
/// handler after `idleTimeout`.
final class ConnectionGuard: Sendable {
    let maxConnections: Int
    let headerTimeout: TimeAmount
    let idleTimeout: TimeAmount
    /// Answers cached requests on the event loop; its handler joins each connection with the first request.
    let cachedPages: CachedPageServer
    private let open = Atomic<Int>(0)

    init(maxConnections: Int, headerTimeout: TimeAmount, idleTimeout: TimeAmount, cachedPages: CachedPageServer) {
        self.maxConnections = maxConnections
        self.headerTimeout = headerTimeout
        self.idleTimeout = idleTimeout
        self.cachedPages = cachedPages
    }

    /// The connections open now.
    var openConnections: Int { open.load(ordering: .relaxed) }

    /// A handler for one new connection's pipeline.
    func handler() -> Handler {
        Handler(guard: self)
    }

    /// Counts the connection until it closes, closes it when it is over the cap or its first request head is too
    /// slow, and leaves the pipeline once that head has come (so later requests do not pass through it).
    final class Handler: ChannelInboundHandler, RemovableChannelHandler {
        typealias InboundIn = HTTPRequestPart
        typealias InboundOut = HTTPRequestPart

        private let owner: ConnectionGuard
        private var headerDeadline: Scheduled<Void>?

        init(guard owner: ConnectionGuard) {
            self.owner = owner
        }

        func handlerAdded(context: ChannelHandlerContext) {
            let count = owner.open.wrappingAdd(1, ordering: .relaxed).newValue
            let owner = self.owner
            context.channel.closeFuture.whenComplete { _ in owner.open.wrappingSubtract(1, ordering: .relaxed) }
            guard count <= owner.maxConnections else {
                context.close(promise: nil)
                return
            }
            let channel = context.channel
            headerDeadline = context.eventLoop.scheduleTask(in: owner.headerTimeout) { channel.close(promise: nil) }
        }

        func handlerRemoved(context: ChannelHandlerContext) {
            headerDeadline?.cancel()
            headerDeadline = nil
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            guard case .head = unwrapInboundIn(data), headerDeadline != nil else {
                context.fireChannelRead(data)
                return
            }
            headerDeadline?.cancel()
            headerDeadline = nil
            // The pipeline is complete now: the cached-page handler goes right after the HTTP/1 decoder; this head
            // has passed it already, on its way to the application.
            let pipeline = context.pipeline.syncOperations
            if let codec = try? pipeline.handler(type: HTTP1ToHTTPServerCodec.self) {
                try? pipeline.addHandler(owner.cachedPages.handler(idleTimeout: owner.idleTimeout, passedOn: 1), position: .before(codec))
            }
            context.fireChannelRead(data)
            pipeline.removeHandler(context: context, promise: nil)
        }
    }
}
