import Foundation
import Testing

@testable import Mail

@Suite struct EmailAddressTests {
    @Test func acceptsOrdinaryAddressesAndLowercasesTheDomain() throws {
        #expect(try EmailAddress("Ada.Lovelace+papers@Example.ORG").value == "Ada.Lovelace+papers@example.org")
        #expect(try EmailAddress("  x@sub.example.co.uk ").value == "x@sub.example.co.uk")
    }

    @Test(arguments: [
        ("", EmailAddress.Problem.empty),
        ("no-at-sign", .missingAt),
        ("a@b@c.org", .missingAt),
        (".a@example.org", .badLocalPart),
        ("a@localhost", .badDomain),
        ("a@-bad-.org", .badDomain),
        ("a b@example.org", .forbiddenCharacter),
        ("a@example.org\r\nBcc: x@y.org", .forbiddenCharacter),
        ("<a@example.org>", .forbiddenCharacter),
    ])
    func refusesWithAPreciseReason(input: String, problem: EmailAddress.Problem) {
        #expect(throws: problem) { try EmailAddress(input) }
    }
}

@Suite struct MailMessageTests {
    func message(subject: String = "Hello", name: String? = "Daily Papers", text: String = "Body", html: String? = nil) throws -> MailMessage {
        MailMessage(
            from: .init(name: name, address: try EmailAddress("papers@example.org")),
            to: .init(address: try EmailAddress("reader@example.org")),
            subject: subject, text: text, html: html,
            extraHeaders: [("List-Unsubscribe", "<https://example.org/unsubscribe?token=abc>")],
            messageID: "<1@example.org>", date: "Fri, 21 Aug 2026 21:00:00 +0000"
        )
    }

    @Test func rendersHeadersWithCRLF() throws {
        let rendered = try message().rendered
        #expect(rendered.hasPrefix("From: \"Daily Papers\" <papers@example.org>\r\nTo: <reader@example.org>\r\nSubject: Hello\r\n"))
        #expect(rendered.contains("\r\nMessage-ID: <1@example.org>\r\nMIME-Version: 1.0\r\n"))
        #expect(rendered.contains("List-Unsubscribe: <https://example.org/unsubscribe?token=abc>\r\n"))
        #expect(!rendered.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "no bare line feeds")
    }

    @Test func nonASCIINamesAndSubjectsBecomeEncodedWords() throws {
        let rendered = try message(subject: "Zoë’s digest — ünïcode", name: "Zoë Papers").rendered
        let subject = try #require(rendered.split(separator: "\r\n").first { $0.hasPrefix("Subject:") })
        #expect(subject.hasPrefix("Subject: =?utf-8?B?"))
        let encoded = String(subject.dropFirst("Subject: =?utf-8?B?".count).dropLast(2))
        #expect(String(decoding: Data(base64Encoded: encoded) ?? Data(), as: UTF8.self) == "Zoë’s digest — ünïcode")
        #expect(rendered.contains("From: =?utf-8?B?"))
        #expect(rendered.allSatisfy { $0.isASCII }, "7-bit clean")
    }

    @Test func headerInjectionIsRefused() throws {
        #expect(throws: MailMessage.HeaderInjection.self) { try message(subject: "Hi\r\nBcc: victim@example.org").validate() }
        #expect(throws: MailMessage.HeaderInjection.self) { try message(name: "Evil\nBcc: x@y.org").validate() }
        try message().validate()
    }

    @Test func multipartAlternativeWithQuotedPrintableParts() throws {
        let rendered = try message(text: "Café = good\nline two ", html: "<p>Café</p>").rendered
        #expect(rendered.contains("Content-Type: multipart/alternative; boundary="))
        #expect(
            rendered.contains(
                "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\nCaf=C3=A9 =3D good\r\nline two=20"))
        #expect(rendered.contains("<p>Caf=C3=A9</p>"))
        let first = try message(html: "x").rendered
        #expect(try message(html: "x").rendered == first, "deterministic boundary")
    }

    @Test func quotedPrintableKeepsLinesShort() {
        let long = String(repeating: "abcdefghij", count: 30)
        let encoded = MIME.quotedPrintable(long)
        for line in encoded.components(separatedBy: "\r\n") { #expect(line.count <= 76) }
        #expect(encoded.replacingOccurrences(of: "=\r\n", with: "") == long)
    }

    @Test func dotStuffingDoublesLeadingDots() {
        #expect(SMTPConnection.dotStuffed(".hidden\r\nok\r\n.\r\n") == "..hidden\r\nok\r\n..\r\n")
        #expect(SMTPConnection.dotStuffed("no newline") == "no newline\r\n")
    }
}

@Suite struct SMTPSettingsTests {
    @Test func readsEveryPartOfTheURL() throws {
        let settings = try SMTPSettings(url: "smtp+starttls://user%40x:p%3Ass@mail.example.org:2525?ca=/tmp/ca.pem&timeout=5&helo=papers.example.org")
        #expect(settings.host == "mail.example.org" && settings.port == 2525 && settings.security == .requiredStartTLS)
        #expect(settings.username == "user@x" && settings.password == "p:ss")
        #expect(settings.caFile == "/tmp/ca.pem" && settings.timeoutSeconds == 5 && settings.heloName == "papers.example.org")
        #expect(try SMTPSettings(url: "smtps://mail.example.org").port == 465)
        #expect(try SMTPSettings(url: "smtp://127.0.0.1").security == .opportunisticStartTLS)
    }

    @Test(arguments: ["http://mail.example.org", "smtp://", "smtp://host:99999", "smtp://host?timeout=0", "smtp://host?color=blue"])
    func refusesBadURLs(url: String) {
        #expect(throws: SMTPSettings.Invalid.self) { try SMTPSettings(url: url) }
    }
}
