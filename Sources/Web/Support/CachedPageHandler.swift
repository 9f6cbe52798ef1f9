import HTTPTypes
import HummingbirdCore
import NIOCore
import NIOHTTPTypes

/// The channel handler of `CachedPageServer`: answers a cached request itself, passes the others on.
///
/// Responses must leave in the order requests came (HTTP/1.1 pipelining): a request is answered here only when
/// no request passed on is still waiting for its response.
final class CachedPageHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    private let server: CachedPageServer
    /// Requests passed on whose responses have not been written yet.
    private var passedOn = 0
    /// The response to send when the request being read here ends.
    private var answering: (HTTPResponse, ByteBuffer)?
    private var swallowing = false
    /// The peer's address as text, the rate limits' key.
    private var peer: String?

    init(server: CachedPageServer) {
        self.server = server
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let part = unwrapInboundIn(data)
        switch part {
            case .head(let head):
                let remote = context.channel.remoteAddress
                if peer == nil { peer = remote?.ipAddress ?? "unknown" }
                if passedOn == 0, let answer = server.response(to: head, from: remote, peer: peer ?? "unknown") {
                    answering = answer
                    swallowing = true
                    return
                }
                passedOn += 1
                context.fireChannelRead(data)
            case .body:
                if !swallowing { context.fireChannelRead(data) }
            case .end:
                guard swallowing else {
                    context.fireChannelRead(data)
                    return
                }
                swallowing = false
                if let (head, body) = answering {
                    answering = nil
                    context.write(wrapOutboundOut(.head(head)), promise: nil)
                    context.write(wrapOutboundOut(.body(body)), promise: nil)
                    context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
                }
        }
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        if case .end = unwrapOutboundIn(data) { passedOn = max(0, passedOn - 1) }
        context.write(data, promise: promise)
    }
}
