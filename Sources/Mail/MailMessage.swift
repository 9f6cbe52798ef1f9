/// An e-mail ready to send: RFC 5322 headers (RFC 2047 for non-ASCII), a plain-text part and an optional HTML part.
public struct MailMessage: Sendable, Equatable {
    /// A display name and an address, as in `From:` and `To:`.
    public struct Mailbox: Sendable, Equatable {
        public var name: String?
        public var address: EmailAddress

        public init(name: String? = nil, address: EmailAddress) {
            self.name = name
            self.address = address
        }
    }

    public var from: Mailbox
    public var to: Mailbox
    public var subject: String
    /// The plain-text part, already quoted-printable encoded.
    public var text: EncodedBody
    /// The HTML part, already quoted-printable encoded.
    public var html: EncodedBody?
    /// Further headers such as `List-Unsubscribe`, in order.
    public var extraHeaders: [(String, String)]
    /// `<id@domain>`; unique per message.
    public var messageID: String
    /// The `Date:` header, already formatted (RFC 5322).
    public var date: String

    public init(
        from: Mailbox, to: Mailbox, subject: String, text: String, html: String? = nil, extraHeaders: [(String, String)] = [], messageID: String,
        date: String
    ) {
        self.init(
            from: from, to: to, subject: subject, encodedText: EncodedBody(text), encodedHTML: html.map(EncodedBody.init),
            extraHeaders: extraHeaders, messageID: messageID, date: date)
    }

    /// A message whose parts were encoded beforehand (a digest reuses each paper's encoded block for every subscriber).
    public init(
        from: Mailbox, to: Mailbox, subject: String, encodedText: EncodedBody, encodedHTML: EncodedBody?, extraHeaders: [(String, String)] = [],
        messageID: String, date: String
    ) {
        self.from = from
        self.to = to
        self.subject = subject
        self.text = encodedText
        self.html = encodedHTML
        self.extraHeaders = extraHeaders
        self.messageID = messageID
        self.date = date
    }

    public static func == (lhs: MailMessage, rhs: MailMessage) -> Bool {
        lhs.rendered == rhs.rendered
    }

    /// A header value that would break the message apart: CR or LF in a name, subject or header.
    public struct HeaderInjection: Error, CustomStringConvertible {
        public let header: String
        public var description: String { "the \(header) header contains a line break" }
    }

    /// Checks every header value for line breaks; call before `rendered`.
    public func validate() throws {
        let values: [(String, String)] =
            [("Subject", subject), ("From", from.name ?? ""), ("To", to.name ?? ""), ("Message-ID", messageID), ("Date", date)] + extraHeaders
        for (header, value) in values where value.contains(where: { $0 == "\r" || $0 == "\n" || $0 == "\r\n" }) {
            throw HeaderInjection(header: header)
        }
    }

    /// The message as sent over SMTP: CRLF line endings, 7-bit clean, before dot-stuffing.
    public var rendered: String {
        var lines: [String] = [
            MIME.header("From", MIME.mailbox(from)),
            MIME.header("To", MIME.mailbox(to)),
            MIME.header("Subject", MIME.encodedWords(subject)),
            "Date: \(date)",
            "Message-ID: \(messageID)",
            "MIME-Version: 1.0",
        ]
        for (name, value) in extraHeaders { lines.append(MIME.header(name, value)) }
        let textPart = ["Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: quoted-printable", "", text.quotedPrintable]
        guard let html else {
            return (lines + textPart).joined(separator: "\r\n") + "\r\n"
        }
        // Derived from the Message-ID, so the same message always renders to the same bytes.
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in messageID.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        let boundary = "=_dailypapers_" + String(hash, radix: 36)
        lines.append("Content-Type: multipart/alternative; boundary=\"\(boundary)\"")
        lines.append("")
        lines.append("This is a multi-part message in MIME format.")
        lines.append("--\(boundary)")
        lines += textPart
        lines.append("--\(boundary)")
        lines += ["Content-Type: text/html; charset=utf-8", "Content-Transfer-Encoding: quoted-printable", "", html.quotedPrintable]
        lines.append("--\(boundary)--")
        return lines.joined(separator: "\r\n") + "\r\n"
    }
}

/// The MIME encodings a message needs (RFC 2045, 2047) and header folding (RFC 5322).
enum MIME {
    static func mailbox(_ mailbox: MailMessage.Mailbox) -> String {
        guard let name = mailbox.name, !name.isEmpty else { return "<\(mailbox.address)>" }
        return "\(displayName(name)) <\(mailbox.address)>"
    }

    /// A display name: an atom or quoted string when ASCII, encoded words otherwise.
    static func displayName(_ name: String) -> String {
        guard name.unicodeScalars.allSatisfy({ $0.isASCII && $0.value >= 0x20 }) else { return encodedWords(name) }
        let escaped = name.replacingAll("\\", with: "\\\\").replacingAll("\"", with: "\\\"")
        return "\"\(escaped)\""
    }

    /// `=?utf-8?B?…?=` words of at most 75 characters, or the text itself when it is printable ASCII.
    static func encodedWords(_ text: String) -> String {
        guard !text.unicodeScalars.allSatisfy({ $0.isASCII && $0.value >= 0x20 && $0.value < 0x7F }) else { return text }
        var words: [String] = []
        var chunk: [UInt8] = []
        for character in text {
            let bytes = Array(String(character).utf8)
            // 45 bytes of UTF-8 become 60 base64 characters: with "=?utf-8?B?" and "?=" the word stays under 75.
            if chunk.count + bytes.count > 45 {
                words.append("=?utf-8?B?\(Base64.encode(chunk))?=")
                chunk = []
            }
            chunk += bytes
        }
        if !chunk.isEmpty { words.append("=?utf-8?B?\(Base64.encode(chunk))?=") }
        return words.joined(separator: " ")
    }

    /// `Name: value`, folded at spaces so no line exceeds 78 characters where possible.
    static func header(_ name: String, _ value: String) -> String {
        if name.utf8.count + 2 + value.utf8.count <= 78 { return "\(name): \(value)" }
        var lines: [String] = []
        var current = "\(name):"
        for word in value.split(separator: " ", omittingEmptySubsequences: false) {
            if current.count + 1 + word.count > 78 && current.count > name.count + 1 {
                lines.append(current)
                current = " " + word
            } else {
                current += " " + word
            }
        }
        lines.append(current)
        return lines.joined(separator: "\r\n")
    }

    /// Quoted-printable (RFC 2045 §6.7) with CRLF line breaks and soft breaks under 76 characters.
    static func quotedPrintable(_ text: String) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count + text.utf8.count / 8)
        var lineLength = 0
        let bytes = Array(text.utf8)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\n") || (byte == UInt8(ascii: "\r") && index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "\n")) {
                output.append(contentsOf: [13, 10])
                lineLength = 0
                index += byte == UInt8(ascii: "\r") ? 2 : 1
                continue
            }
            let nextIsLineEnd = index + 1 == bytes.count || bytes[index + 1] == UInt8(ascii: "\n") || bytes[index + 1] == UInt8(ascii: "\r")
            let literal = (byte >= 33 && byte <= 126 && byte != UInt8(ascii: "=")) || ((byte == 0x20 || byte == 0x09) && !nextIsLineEnd)
            let width = literal ? 1 : 3
            if lineLength + width > 75 {
                output.append(contentsOf: [UInt8(ascii: "="), 13, 10])
                lineLength = 0
            }
            if literal {
                output.append(byte)
            } else {
                output.append(contentsOf: [UInt8(ascii: "="), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]])
            }
            lineLength += width
            index += 1
        }
        return String(decoding: output, as: UTF8.self)
    }
}

/// A message part in quoted-printable form. Parts made of whole lines can be encoded once and joined many times.
public struct EncodedBody: Sendable, Equatable {
    public let quotedPrintable: String

    /// Encodes `text`.
    public init(_ text: String) {
        quotedPrintable = MIME.quotedPrintable(text)
    }

    /// Joins encoded parts as consecutive lines.
    public init(joining parts: [EncodedBody]) {
        quotedPrintable = parts.map(\.quotedPrintable).joined(separator: "\r\n")
    }
}

/// Standard base64 (RFC 4648 §4).
public enum Base64 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    public static func encode(_ bytes: [UInt8]) -> String {
        var output: [UInt8] = []
        output.reserveCapacity((bytes.count + 2) / 3 * 4)
        var index = 0
        while index < bytes.count {
            let b0 = bytes[index]
            let b1 = index + 1 < bytes.count ? bytes[index + 1] : 0
            let b2 = index + 2 < bytes.count ? bytes[index + 2] : 0
            output.append(alphabet[Int(b0 >> 2)])
            output.append(alphabet[Int((b0 & 0x03) << 4 | b1 >> 4)])
            output.append(index + 1 < bytes.count ? alphabet[Int((b1 & 0x0F) << 2 | b2 >> 6)] : UInt8(ascii: "="))
            output.append(index + 2 < bytes.count ? alphabet[Int(b2 & 0x3F)] : UInt8(ascii: "="))
            index += 3
        }
        return String(decoding: output, as: UTF8.self)
    }
}

extension String {
    func replacingAll(_ target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
