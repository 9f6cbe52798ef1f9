import NIOCore

/// A complete SMTP reply: its three-digit code and its text lines.
public struct SMTPReply: Sendable, Equatable, CustomStringConvertible {
    public let code: Int
    public let lines: [String]

    public var isPositive: Bool { (200..<400).contains(code) }
    public var isTransient: Bool { (400..<500).contains(code) }
    public var description: String { "\(code) \(lines.joined(separator: " / "))" }
}

/// Splits the server's bytes into replies (joining `250-…` continuation lines) and hands each to the task waiting for it.
///
/// `@unchecked Sendable`: every property is touched only on the channel's event loop (the `eventLoop.execute` and
/// channel callbacks below), which NIO runs one at a time.
final class SMTPReplyHandler: ChannelInboundHandler, @unchecked Sendable {
    typealias InboundIn = ByteBuffer

    private var pending = ByteBuffer()
    private var lines: [String] = []
    private var replies = CircularBuffer<SMTPReply>()
    private var waiters = CircularBuffer<EventLoopPromise<SMTPReply>>()
    private var closedError: (any Error)?

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var bytes = unwrapInboundIn(data)
        pending.writeBuffer(&bytes)
        while let line = nextLine() {
            guard line.count >= 3, let code = Int(line.prefix(3)) else {
                fail(SMTPError.protocolViolation("unexpected line from server: \(line.prefix(80))"), context: context)
                return
            }
            lines.append(String(line.dropFirst(4)))
            if line.count > 3 && line[line.index(line.startIndex, offsetBy: 3)] == "-" { continue }
            deliver(SMTPReply(code: code, lines: lines))
            lines = []
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        fail(SMTPError.connectionClosed, context: context)
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        fail(error, context: context)
        context.close(promise: nil)
    }

    /// Completes `promise` with the next reply, or fails it after `timeout` (closing the connection, which is then unusable).
    func nextReply(_ promise: EventLoopPromise<SMTPReply>, timeout: TimeAmount, step: String, channel: any Channel) {
        if let reply = replies.popFirst() { return promise.succeed(reply) }
        if let closedError { return promise.fail(closedError) }
        waiters.append(promise)
        let timer = channel.eventLoop.scheduleTask(in: timeout) { [self] in
            guard let index = waiters.firstIndex(where: { $0.futureResult === promise.futureResult }) else { return }
            waiters.remove(at: index)
            promise.fail(SMTPError.timeout(step: step))
            channel.close(promise: nil)
        }
        promise.futureResult.whenComplete { _ in timer.cancel() }
    }

    private func nextLine() -> String? {
        guard let newline = pending.readableBytesView.firstIndex(of: UInt8(ascii: "\n")) else { return nil }
        let length = newline - pending.readerIndex
        guard var line = pending.readString(length: length) else { return nil }
        pending.moveReaderIndex(forwardBy: 1)
        if line.hasSuffix("\r") { line.removeLast() }
        return line
    }

    private func deliver(_ reply: SMTPReply) {
        if let waiter = waiters.popFirst() { waiter.succeed(reply) } else { replies.append(reply) }
    }

    private func fail(_ error: any Error, context: ChannelHandlerContext) {
        if closedError == nil { closedError = error }
        while let waiter = waiters.popFirst() { waiter.fail(error) }
    }
}

/// What can go wrong talking to an SMTP server.
public enum SMTPError: Error, Equatable, CustomStringConvertible {
    /// The server refused a step; 4xx codes are worth retrying, 5xx are not.
    case rejected(step: String, reply: SMTPReply)
    case timeout(step: String)
    case connectionClosed
    case protocolViolation(String)
    case tlsRequired
    case authenticationUnsupported

    /// Whether trying again later may succeed.
    public var isTransient: Bool {
        switch self {
            case .rejected(_, let reply): return reply.isTransient
            case .timeout, .connectionClosed, .protocolViolation: return true
            case .tlsRequired, .authenticationUnsupported: return false
        }
    }

    public var description: String {
        switch self {
            case .rejected(let step, let reply): return "\(step) refused: \(reply)"
            case .timeout(let step): return "timed out waiting for the reply to \(step)"
            case .connectionClosed: return "the server closed the connection"
            case .protocolViolation(let detail): return "protocol error: \(detail)"
            case .tlsRequired: return "the server does not offer STARTTLS, which the settings require"
            case .authenticationUnsupported: return "the server offers neither AUTH PLAIN nor AUTH LOGIN"
        }
    }
}
