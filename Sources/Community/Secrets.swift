import Crypto
import Foundation

/// Random secrets for cookies, links and API tokens, and the hashes under which they are stored.
///
/// Only hashes reach the database, so a copy of it opens no session and resets no password.
public enum Secrets {
    /// A new random secret: 32 bytes as 64 lowercase hex digits.
    public static func make() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<4).map { _ in hex(generator.next() as UInt64) }.joined()
    }

    /// The SHA-256 of a secret, in hex: how sessions, account links and API tokens are looked up.
    public static func hash(_ secret: String) -> String {
        SHA256.hash(data: Data(secret.utf8)).map { byte in
            let digits = String(byte, radix: 16)
            return digits.count == 1 ? "0" + digits : digits
        }.joined()
    }

    /// Whether two secrets are equal, in time that does not depend on where they differ.
    public static func constantTimeEquals(_ lhs: String, _ rhs: String) -> Bool {
        let left = Array(lhs.utf8)
        let right = Array(rhs.utf8)
        guard left.count == right.count else { return false }
        return zip(left, right).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }

    private static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
