import Foundation
import PapersCore
import Storage

/// Everything mail needs, assembled once from the settings: where to send, as whom, and how links are signed.
public struct MailSetup: Sendable {
    /// The SMTP server, or nil when mail is off (no `SMTP_URL`).
    public let smtp: SMTPSettings?
    public let sender: MailMessage.Mailbox
    public let composer: DigestComposer

    public var isEnabled: Bool { smtp != nil }

    /// - Parameters:
    ///   - smtpURL: `SMTP_URL`; nil turns mail off.
    ///   - from: `MAIL_FROM`, `Name <address>` or a bare address.
    ///   - siteURL: the public address links point to.
    ///   - unsubscribeMailbox: an address for `List-Unsubscribe: <mailto:…>`, if the instance has one.
    public init(smtpURL: String?, from: String, siteURL: String, unsubscribeMailbox: String?, store: SQLMailStore) async throws {
        smtp = try smtpURL.map { try SMTPSettings(url: $0) }
        sender = try Self.mailbox(from)
        let secret = try await store.setting("link_signing_key") { Self.randomSecret() }
        composer = DigestComposer(siteURL: siteURL, sender: sender, signer: LinkSigner(secret: secret), unsubscribeMailbox: unsubscribeMailbox)
    }

    /// Parses `Name <address>` or `address`.
    public static func mailbox(_ text: String) throws -> MailMessage.Mailbox {
        guard let open = text.lastIndex(of: "<"), text.hasSuffix(">") else {
            return MailMessage.Mailbox(address: try EmailAddress(text))
        }
        let name = String(text[..<open]).trimmingCharactersInSet().replacingAll("\"", with: "")
        let address = String(text[text.index(after: open)..<text.index(before: text.endIndex)])
        return MailMessage.Mailbox(name: name.isEmpty ? nil : name, address: try EmailAddress(address))
    }

    /// 256 random bits as hex, for the instance's link-signing key.
    static func randomSecret() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<4).map { _ in
            let hex = String(generator.next() as UInt64, radix: 16)
            return String(repeating: "0", count: 16 - hex.count) + hex
        }.joined()
    }
}
