import NIOCore
import NIOHTTP1

/// The channel handler of `CachedPageServer`: answers a cached request itself, passes the others on, and closes
/// the connection when it has been idle for `idleTimeout`.
///
/// It sits right after NIO's HTTP/1 decoder, before the conversion to Swift HTTP Types and Hummingbird's
/// connection-state handler: a cached answer then costs no conversions. Hummingbird's handler no longer sees every
/// request, so the idle timeout is kept here, where all traffic passes.
///
/// Responses must leave in the order requests came (HTTP/1.1 pipelining): a request is answered here only when
/// no request passed on is still waiting for its response.
final class CachedPageHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias InboundOut = HTTPServerRequestPart
    typealias OutboundIn = HTTPServerResponsePart
    typealias OutboundOut = HTTPServerResponsePart

    private let server: CachedPageServer
    private let idleTimeout: TimeAmount
    /// Requests passed on whose responses have not been written yet.
    private var passedOn: Int
    /// The response to send when the request being read here ends.
    private var answering: (HTTPResponseHead, ByteBuffer)?
    private var swallowing = false
    /// A request passed on is still arriving (its end has not come).
    private var forwarding = false
    /// The peer's rate-limit key (`ClientAddress.limitKey` of its address).
    private var peer: String?
    private var lastActive = NIODeadline.now()
    private var idleCheck: Scheduled<Void>?

    /// `passedOn`: requests already on their way to the application when the handler joins the connection.
    init(server: CachedPageServer, idleTimeout: TimeAmount, passedOn: Int) {
        self.server = server
        self.idleTimeout = idleTimeout
        self.passedOn = passedOn
    }

    func handlerAdded(context: ChannelHandlerContext) {
        scheduleIdleCheck(context: context, at: lastActive + idleTimeout)
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        idleCheck?.cancel()
        idleCheck = nil
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        lastActive = .now()
        switch unwrapInboundIn(data) {
            case .head(let head):
                let remote = context.channel.remoteAddress
                if peer == nil { peer = ClientAddress.limitKey(remote?.ipAddress ?? "unknown") }
                if passedOn == 0, let answer = server.response(to: head, from: remote, peer: peer ?? "unknown") {
                    answering = answer
                    swallowing = true
                    return
                }
                passedOn += 1
                forwarding = true
                context.fireChannelRead(data)
            case .body:
                if !swallowing { context.fireChannelRead(data) }
            case .end:
                guard swallowing else {
                    forwarding = false
                    context.fireChannelRead(data)
                    return
                }
                swallowing = false
                if let (head, body) = answering {
                    answering = nil
                    context.write(wrapOutboundOut(.head(head)), promise: nil)
                    context.write(wrapOutboundOut(.body(.byteBuffer(body))), promise: nil)
                    context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
                }
        }
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        if case .end = unwrapOutboundIn(data) {
            passedOn = max(0, passedOn - 1)
            lastActive = .now()
        }
        context.write(data, promise: promise)
    }

    /// Closes the connection once nothing has moved for `idleTimeout`, unless the application is still working on a
    /// request it has whole; a request that stops arriving half-way is idle too.
    private func scheduleIdleCheck(context: ChannelHandlerContext, at deadline: NIODeadline) {
        idleCheck = context.eventLoop.assumeIsolated().scheduleTask(deadline: deadline) { [self] in
            idleCheck = nil
            let due = lastActive + idleTimeout
            if passedOn > 0, !forwarding, !swallowing {
                scheduleIdleCheck(context: context, at: .now() + idleTimeout)
            } else if due <= .now() {
                context.close(promise: nil)
            } else {
                scheduleIdleCheck(context: context, at: due)
            }
        }
    }
}
