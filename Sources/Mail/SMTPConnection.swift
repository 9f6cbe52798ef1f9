import NIOCore
import NIOPosix
import NIOSSL

/// One SMTP session: connects, says EHLO, upgrades with STARTTLS, authenticates, then sends any number of messages
/// over the same connection (PIPELINING when offered), with a timeout on every step.
public final class SMTPConnection: Sendable {
    private let channel: any Channel
    private let handler: SMTPReplyHandler
    private let settings: SMTPSettings
    private let capabilities: Set<String>

    private init(channel: any Channel, handler: SMTPReplyHandler, settings: SMTPSettings, capabilities: Set<String>) {
        self.channel = channel
        self.handler = handler
        self.settings = settings
        self.capabilities = capabilities
    }

    /// Opens a session ready to send: greeting, EHLO, STARTTLS and AUTH as the settings and the server call for.
    public static func open(
        _ settings: SMTPSettings, group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton
    ) async throws -> SMTPConnection {
        let handler = SMTPReplyHandler()
        let tls = try settings.security == .implicitTLS ? makeTLSHandler(settings) : nil
        let channel = try await ClientBootstrap(group: group)
            .connectTimeout(.seconds(Int64(settings.timeoutSeconds)))
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    if let tls { try channel.pipeline.syncOperations.addHandler(tls) }
                    try channel.pipeline.syncOperations.addHandler(handler)
                }
            }
            .connect(host: settings.host, port: settings.port)
            .get()
        var session = SMTPConnection(channel: channel, handler: handler, settings: settings, capabilities: [])
        do {
            try session.expect(await session.reply(step: "greeting"), step: "greeting")
            var capabilities = try await session.hello()
            if settings.security != .implicitTLS {
                if capabilities.contains("STARTTLS") {
                    try session.expect(await session.command("STARTTLS"), step: "STARTTLS")
                    try await channel.pipeline.addHandler(try makeTLSHandler(settings), position: .first).get()
                    capabilities = try await session.hello()
                } else if settings.security == .requiredStartTLS {
                    throw SMTPError.tlsRequired
                }
            }
            session = SMTPConnection(channel: channel, handler: handler, settings: settings, capabilities: capabilities)
            try await session.authenticate()
            return session
        } catch {
            try? await channel.close()
            throw error
        }
    }

    /// Sends one message; returns when the server accepted it, throws `SMTPError` when it did not.
    public func send(_ message: MailMessage) async throws {
        try message.validate()
        try await send(raw: message.rendered, from: message.from.address.value, to: message.to.address.value)
    }

    /// Sends an already rendered message to one recipient.
    public func send(raw message: String, from sender: String, to recipient: String) async throws {
        let envelope = ["MAIL FROM:<\(sender)>", "RCPT TO:<\(recipient)>", "DATA"]
        if capabilities.contains("PIPELINING") {
            try await write(envelope.map { $0 + "\r\n" }.joined())
            let steps = ["MAIL FROM", "RCPT TO", "DATA"]
            var replies: [SMTPReply] = []
            for step in steps { replies.append(try await reply(step: step)) }
            for (step, reply) in zip(steps, replies) where !reply.isPositive {
                try await reset()
                throw SMTPError.rejected(step: step, reply: reply)
            }
        } else {
            for (step, line) in zip(["MAIL FROM", "RCPT TO", "DATA"], envelope) {
                let reply = try await command(line)
                guard reply.isPositive else {
                    try await reset()
                    throw SMTPError.rejected(step: step, reply: reply)
                }
            }
        }
        try await channel.writeAndFlush(Self.dotStuffedData(message))
        try expect(await reply(step: "end of data"), step: "message")
    }

    /// Says QUIT and closes the connection.
    public func close() async {
        _ = try? await command("QUIT")
        try? await channel.close()
    }

    /// Doubles a leading dot on every line (RFC 5321 §4.5.2) and ends with CRLF.
    static func dotStuffed(_ text: String) -> String {
        var buffer = dotStuffedData(text)
        buffer.moveWriterIndex(to: buffer.writerIndex - 3)  // Without the ".\r\n" terminator.
        return String(buffer: buffer)
    }

    /// The DATA payload: dot-stuffed, ending in CRLF, followed by the terminating `.` line.
    static func dotStuffedData(_ text: String) -> ByteBuffer {
        var buffer = ByteBuffer()
        buffer.reserveCapacity(text.utf8.count + 64)
        var atLineStart = true
        var previous: UInt8 = 0
        var runStart = text.utf8.startIndex
        var index = runStart
        let utf8 = text.utf8
        while index != utf8.endIndex {
            let byte = utf8[index]
            if atLineStart && byte == UInt8(ascii: ".") {
                buffer.writeBytes(utf8[runStart..<index])
                buffer.writeInteger(UInt8(ascii: "."))
                runStart = index
            }
            atLineStart = previous == UInt8(ascii: "\r") && byte == UInt8(ascii: "\n")
            previous = byte
            index = utf8.index(after: index)
        }
        buffer.writeBytes(utf8[runStart..<utf8.endIndex])
        if !(previous == UInt8(ascii: "\n") && text.utf8.count >= 2) { buffer.writeString("\r\n") }
        buffer.writeString(".\r\n")
        return buffer
    }

    private func hello() async throws -> Set<String> {
        let reply = try await command("EHLO \(settings.heloName)")
        guard reply.isPositive else {
            try expect(await command("HELO \(settings.heloName)"), step: "HELO")
            return []
        }
        return Set(
            reply.lines.dropFirst().map { $0.uppercased() }.flatMap { line -> [String] in
                let words = line.split(separator: " ").map(String.init)
                // "AUTH PLAIN LOGIN" becomes AUTH, AUTH PLAIN and AUTH LOGIN, so each mechanism can be looked up.
                return [words.first ?? ""] + words.dropFirst().map { "\(words[0]) \($0)" }
            })
    }

    private func authenticate() async throws {
        guard let username = settings.username else { return }
        let password = settings.password ?? ""
        if capabilities.contains("AUTH PLAIN") {
            let token = Base64.encode(Array("\0\(username)\0\(password)".utf8))
            try expect(await command("AUTH PLAIN \(token)"), step: "AUTH PLAIN", code: 235)
        } else if capabilities.contains("AUTH LOGIN") {
            try expect(await command("AUTH LOGIN"), step: "AUTH LOGIN", code: 334)
            try expect(await command(Base64.encode(Array(username.utf8))), step: "AUTH LOGIN username", code: 334)
            try expect(await command(Base64.encode(Array(password.utf8))), step: "AUTH LOGIN password", code: 235)
        } else {
            throw SMTPError.authenticationUnsupported
        }
    }

    private func reset() async throws {
        _ = try await command("RSET")
    }

    private func command(_ line: String) async throws -> SMTPReply {
        try await write(line + "\r\n")
        return try await reply(step: String(line.prefix(while: { $0 != " " })))
    }

    /// The reply, if it is positive (or exactly `code`, when given); else the step's failure.
    @discardableResult
    private func expect(_ reply: SMTPReply, step: String, code: Int? = nil) throws -> SMTPReply {
        guard code.map({ reply.code == $0 }) ?? reply.isPositive else { throw SMTPError.rejected(step: step, reply: reply) }
        return reply
    }

    private func write(_ text: String) async throws {
        try await channel.writeAndFlush(ByteBuffer(string: text))
    }

    private func reply(step: String) async throws -> SMTPReply {
        let promise = channel.eventLoop.makePromise(of: SMTPReply.self)
        let timeout = TimeAmount.seconds(Int64(settings.timeoutSeconds))
        channel.eventLoop.execute { [handler, channel] in
            handler.nextReply(promise, timeout: timeout, step: step, channel: channel)
        }
        return try await promise.futureResult.get()
    }

    private static func makeTLSHandler(_ settings: SMTPSettings) throws -> NIOSSLClientHandler {
        var configuration = TLSConfiguration.makeClientConfiguration()
        if let caFile = settings.caFile { configuration.additionalTrustRoots = [.file(caFile)] }
        let isAddress = settings.host.allSatisfy { $0.isNumber || $0 == "." || $0 == ":" }
        return try NIOSSLClientHandler(context: try NIOSSLContext(configuration: configuration), serverHostname: isAddress ? nil : settings.host)
    }
}
