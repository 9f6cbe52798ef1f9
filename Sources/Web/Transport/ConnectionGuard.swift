import HummingbirdCore
import NIOCore
import NIOHTTPTypes
import NIOHTTPTypesHTTP1

/// Bounds what idle or hostile clients can hold: the connection table's caps (in all and per client), and a new
/// connection must send its first request's head within `timeouts.header` (a client that trickles header bytes is
/// closed). After that head, the cached-page handler keeps the idle and request deadlines.
final class ConnectionGuard: Sendable {
    let table: ConnectionTable
    let timeouts: ConnectionTimeouts
    /// Answers cached requests on the event loop; its handler joins each connection with the first request.
    let cachedPages: CachedPageServer

    init(table: ConnectionTable, timeouts: ConnectionTimeouts, cachedPages: CachedPageServer) {
        self.table = table
        self.timeouts = timeouts
        self.cachedPages = cachedPages
    }

    /// A handler for one new connection's pipeline.
    func handler() -> Handler {
        Handler(guard: self)
    }

    /// Admits `channel` into the table: its peer's rate-limit key, counted per client unless it is a trusted proxy
    /// (which speaks for many clients).
    fileprivate func admit(_ channel: any Channel) -> ConnectionTable.Admission {
        let address = channel.remoteAddress?.ipAddress ?? "unknown"
        return table.admit(channel, peer: ClientAddress.limitKey(address), countedPerClient: !cachedPages.trustedProxies.contains(address))
    }

    /// Admits the connection or closes it, closes it when its first request head is too slow, and leaves the
    /// pipeline once that head has come (so later requests do not pass through it).
    final class Handler: ChannelInboundHandler, RemovableChannelHandler {
        typealias InboundIn = HTTPRequestPart
        typealias InboundOut = HTTPRequestPart

        private let owner: ConnectionGuard
        private var entry: ConnectionTable.Entry?
        private var headerDeadline: Scheduled<Void>?

        init(guard owner: ConnectionGuard) {
            self.owner = owner
        }

        func handlerAdded(context: ChannelHandlerContext) {
            let channel = context.channel
            let table = owner.table
            guard case .admitted(let entry, let victim) = owner.admit(channel) else {
                context.close(promise: nil)
                return
            }
            self.entry = entry
            victim?.close(promise: nil)
            channel.closeFuture.whenComplete { _ in table.remove(entry) }
            headerDeadline = context.eventLoop.scheduleTask(in: owner.timeouts.header) { channel.close(promise: nil) }
        }

        func handlerRemoved(context: ChannelHandlerContext) {
            headerDeadline?.cancel()
            headerDeadline = nil
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            guard case .head = unwrapInboundIn(data), headerDeadline != nil, let entry else {
                context.fireChannelRead(data)
                return
            }
            headerDeadline?.cancel()
            headerDeadline = nil
            // The pipeline is complete now: the cached-page handler goes right after the HTTP/1 decoder; this head
            // has passed it already, on its way to the application.
            let pipeline = context.pipeline.syncOperations
            if let codec = try? pipeline.handler(type: HTTP1ToHTTPServerCodec.self) {
                let pages = owner.cachedPages.handler(timeouts: owner.timeouts, connection: entry)
                try? pipeline.addHandler(pages, position: .before(codec))
            }
            context.fireChannelRead(data)
            pipeline.removeHandler(context: context, promise: nil)
        }
    }
}

/// How long a connection may take: for its first request's head, idle between requests, and for a request's body.
struct ConnectionTimeouts: Sendable {
    /// A new connection sends its first request's head within this.
    let header: TimeAmount
    /// Nothing moving in either direction for this long closes the connection.
    let idle: TimeAmount
    /// A request arrives whole (its body's last byte) within this after its head, however it trickles.
    let request: TimeAmount
}
