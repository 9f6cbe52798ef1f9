import Crypto
import Foundation
import PapersCore

/// Signs and checks the tokens in subscription links (confirm, manage, unsubscribe) with HMAC-SHA256, so a link
/// cannot be forged or altered, and confirmation links expire.
public struct LinkSigner: Sendable {
    /// What a token allows.
    public enum Purpose: String, Sendable {
        case confirm, manage, unsubscribe
        /// Stops a member's personal digest: the id a token names is the member's, not a subscriber's.
        case stopPersonal = "stop-personal"
    }

    /// Why a token was refused.
    public enum Invalid: Error, Equatable, CustomStringConvertible {
        case malformed, forged, wrongPurpose, expired

        public var description: String {
            switch self {
                case .malformed, .forged, .wrongPurpose: return "This link is not valid. Use the newest link we sent you."
                case .expired: return "This link has expired. Subscribe again to get a new one."
            }
        }
    }

    /// What a valid token names.
    public struct Claims: Sendable, Equatable {
        public let subscriberId: Int64
        public let email: String
    }

    /// How long a confirmation link stays valid.
    public static let confirmationLifetimeDays = 2

    private let key: SymmetricKey

    /// - Parameter secret: the instance's secret (the `link_signing_key` setting), at least 32 characters.
    public init(secret: String) {
        key = SymmetricKey(data: SHA256.hash(data: Data(secret.utf8)))
    }

    public func token(_ purpose: Purpose, subscriberId: Int64, email: String, expires: Timestamp? = nil) -> String {
        let payload = [purpose.rawValue, String(subscriberId), email, expires.map { String($0.millisecondsSinceEpoch) } ?? ""].joined(separator: "\n")
        let payloadData = Data(payload.utf8)
        let signature = Data(HMAC<SHA256>.authenticationCode(for: payloadData, using: key))
        return Base64URL.encode(payloadData) + "." + Base64URL.encode(signature)
    }

    public func verify(_ token: String, purpose: Purpose, now: Timestamp) throws(Invalid) -> Claims {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, let payload = Base64URL.decode(String(parts[0])), let signature = Base64URL.decode(String(parts[1])) else {
            throw .malformed
        }
        guard HMAC<SHA256>.isValidAuthenticationCode(signature, authenticating: payload, using: key) else { throw .forged }
        let fields = String(decoding: payload, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard fields.count == 4, let id = Int64(fields[1]) else { throw .malformed }
        guard fields[0] == purpose.rawValue else { throw .wrongPurpose }
        if let expires = Int64(fields[3]), expires < now.millisecondsSinceEpoch { throw .expired }
        return Claims(subscriberId: id, email: fields[2])
    }
}

/// URL-safe base64 without padding (RFC 4648 §5).
enum Base64URL {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)

    static func encode(_ data: Data) -> String {
        let bytes = [UInt8](data)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count * 4 / 3 + 3)
        var index = 0
        while index + 2 < bytes.count {
            let chunk = UInt32(bytes[index]) << 16 | UInt32(bytes[index + 1]) << 8 | UInt32(bytes[index + 2])
            for shift in [18, 12, 6, 0] { output.append(alphabet[Int((chunk >> UInt32(shift)) & 0x3F)]) }
            index += 3
        }
        let rest = bytes.count - index
        if rest > 0 {
            let chunk = UInt32(bytes[index]) << 16 | (rest == 2 ? UInt32(bytes[index + 1]) << 8 : 0)
            output.append(alphabet[Int((chunk >> 18) & 0x3F)])
            output.append(alphabet[Int((chunk >> 12) & 0x3F)])
            if rest == 2 { output.append(alphabet[Int((chunk >> 6) & 0x3F)]) }
        }
        return String(decoding: output, as: UTF8.self)
    }

    static func decode(_ text: String) -> Data? {
        guard text.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) else { return nil }
        var base64 = text.replacingAll("-", with: "+").replacingAll("_", with: "/")
        while base64.count % 4 != 0 { base64 += "=" }
        return Data(base64Encoded: base64)
    }
}

extension LinkSigner: CustomStringConvertible, CustomDebugStringConvertible {
    /// Never the key.
    public var description: String { "LinkSigner(key redacted)" }

    public var debugDescription: String { description }
}
