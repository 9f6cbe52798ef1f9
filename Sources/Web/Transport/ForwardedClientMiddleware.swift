import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// Behind a reverse proxy every request comes from the proxy's address: when it does, and the proxy is trusted,
/// the client is the last address the proxy appended to `X-Forwarded-For` (earlier ones are the client's own claims).
struct ForwardedClientMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let trustedProxies: Set<String>

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        context.forwardedFor = ClientAddress.forwarded(
            remote: context.remoteAddress, forwardedFor: request.headers[values: ClientAddress.forwardedFor].last, trusted: trustedProxies
        )
        return try await next(request, context)
    }
}

/// The client's address as rate limits count it, for both request paths.
enum ClientAddress {
    static let forwardedFor = HTTPField.Name("X-Forwarded-For") ?? .via

    /// The address a trusted proxy reported for the client (the last one it appended), or nil.
    static func forwarded(remote: SocketAddress?, forwardedFor header: String?, trusted: Set<String>) -> String? {
        guard !trusted.isEmpty, let peer = remote?.ipAddress, trusted.contains(peer), let header,
            let client = header.split(separator: ",").last?.trimmingCharacters(in: .whitespaces), !client.isEmpty
        else { return nil }
        return client
    }

    /// The key rate limits count an address by: an IPv4 address as it is, an IPv6 address by its /64 (the block one
    /// subscriber gets, so one network cannot give itself endless budgets), an IPv4-mapped one as its IPv4.
    static func limitKey(_ address: String) -> String {
        guard address.contains(":") else { return "ip:" + address }
        var parsed = in6_addr()
        guard inet_pton(AF_INET6, address, &parsed) == 1 else { return "ip:" + address }
        let octets = withUnsafeBytes(of: &parsed) { Array($0) }
        if octets[0..<10].allSatisfy({ $0 == 0 }), octets[10] == 0xff, octets[11] == 0xff {
            return "ip:" + octets[12...].map { String($0) }.joined(separator: ".")
        }
        let hex = Array("0123456789abcdef")
        return "ip6:" + String(octets[0..<8].flatMap { [hex[Int($0 >> 4)], hex[Int($0 & 15)]] }) + "::/64"
    }

    /// The client's address: the forwarded one, else the peer's.
    static func key(remote: SocketAddress?, forwardedFor header: String?, trusted: Set<String>) -> String {
        forwarded(remote: remote, forwardedFor: header, trusted: trusted) ?? remote?.ipAddress ?? "unknown"
    }
}
