import NIOCore
import NIOHTTP1

/// The channel handler of `CachedPageServer`: answers a cached request itself, passes the others on, and keeps the
/// connection's deadlines.
///
/// It sits right after NIO's HTTP/1 decoder, before the conversion to Swift HTTP Types and Hummingbird's
/// connection-state handler: a cached answer then costs no conversions. Hummingbird's handler no longer sees every
/// request, so the deadlines are kept here, where all traffic passes: nothing moving either way for
/// `timeouts.idle`, or a request's body not whole `timeouts.request` after its head, closes the connection.
///
/// Responses must leave in the order requests came (HTTP/1.1 pipelining): a request is answered here only when
/// no request passed on is still waiting for its response. While the socket cannot take more bytes (a peer that
/// sends and never reads), nothing is read and nothing is answered here, so answers cannot pile up in memory.
final class CachedPageHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias InboundOut = HTTPServerRequestPart
    typealias OutboundIn = HTTPServerResponsePart
    typealias OutboundOut = HTTPServerResponsePart

    private let server: CachedPageServer
    private let timeouts: ConnectionTimeouts
    private let connection: ConnectionTable.Entry
    /// Requests passed on whose responses have not been written yet.
    private var passedOn: Int
    /// The response to send when the request being read here ends.
    private var answering: (HTTPResponseHead, ByteBuffer)?
    /// When the request being received (its end not yet come) sent its head.
    private var receivingSince: NIODeadline?
    private var lastActive = NIODeadline.now()
    private var check: (task: Scheduled<Void>, at: NIODeadline)?
    /// A read was asked for while the socket was full; it is issued when the peer drains.
    private var readWithheld = false

    /// Joins a connection whose first request has just passed on to the application (its body may still come).
    init(server: CachedPageServer, timeouts: ConnectionTimeouts, connection: ConnectionTable.Entry) {
        self.server = server
        self.timeouts = timeouts
        self.connection = connection
        self.passedOn = 1
        self.receivingSince = lastActive
    }

    func handlerAdded(context: ChannelHandlerContext) {
        scheduleCheck(context: context)
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        check?.task.cancel()
        check = nil
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        lastActive = .now()
        switch unwrapInboundIn(data) {
            case .head(let head):
                receivingSince = lastActive
                connection.setIdle(false)
                scheduleCheck(context: context)
                if passedOn == 0, context.channel.isWritable,
                    let answer = server.response(to: head, from: context.channel.remoteAddress, peer: connection.peer)
                {
                    answering = answer
                    return
                }
                passedOn += 1
                context.fireChannelRead(data)
            case .body:
                if answering == nil { context.fireChannelRead(data) }
            case .end:
                receivingSince = nil
                guard let (head, body) = answering else {
                    context.fireChannelRead(data)
                    return
                }
                answering = nil
                context.write(wrapOutboundOut(.head(head)), promise: nil)
                context.write(wrapOutboundOut(.body(.byteBuffer(body))), promise: nil)
                context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
                connection.setIdle(passedOn == 0)
        }
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        lastActive = .now()
        if case .end = unwrapOutboundIn(data) {
            passedOn = max(0, passedOn - 1)
            connection.setIdle(passedOn == 0 && receivingSince == nil)
        }
        context.write(data, promise: promise)
    }

    func read(context: ChannelHandlerContext) {
        guard context.channel.isWritable else {
            readWithheld = true
            return
        }
        context.read()
    }

    func channelWritabilityChanged(context: ChannelHandlerContext) {
        if context.channel.isWritable, readWithheld {
            readWithheld = false
            context.read()
        }
        context.fireChannelWritabilityChanged()
    }

    /// The instant the connection is closed unless something moves before.
    private var deadline: NIODeadline {
        let idle = lastActive + timeouts.idle
        guard let receivingSince else { return idle }
        return min(idle, receivingSince + timeouts.request)
    }

    /// Makes sure a check runs at `deadline` (or earlier); the check closes the connection when it has passed.
    private func scheduleCheck(context: ChannelHandlerContext) {
        let due = deadline
        if let check, check.at <= due { return }
        check?.task.cancel()
        let task = context.eventLoop.assumeIsolated().scheduleTask(deadline: due) { [self] in
            check = nil
            if deadline <= .now() {
                context.close(promise: nil)
            } else {
                scheduleCheck(context: context)
            }
        }
        check = (task, due)
    }
}
