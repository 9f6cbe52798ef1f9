import HummingbirdBcrypt
import NIOPosix

/// bcrypt password hashing, run on NIO's blocking thread pool so a slow hash never stalls request handling.
public struct PasswordHasher: Sendable {
    /// The bcrypt cost (work factor 2^cost); 12 in production, lower in tests.
    public let cost: UInt8

    /// A hash of a random password at the same cost, checked when a login names no account so timing tells nothing.
    let decoyHash: String

    public init(cost: UInt8) {
        self.cost = cost
        decoyHash = Bcrypt.hash(Secrets.make(), cost: cost)
    }

    public func hash(_ password: String) async throws -> String {
        let cost = cost
        return try await NIOThreadPool.singleton.runIfActive { Bcrypt.hash(password, cost: cost) }
    }

    public func verify(_ password: String, hash: String) async throws -> Bool {
        try await NIOThreadPool.singleton.runIfActive { Bcrypt.verify(password, hash: hash) }
    }
}
