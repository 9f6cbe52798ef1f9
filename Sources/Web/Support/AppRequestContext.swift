import Hummingbird
import NIOCore

/// The request context of every route: Hummingbird's core storage plus the client's address, for rate limits.
public struct AppRequestContext: RequestContext, RemoteAddressRequestContext {
    public var coreContext: CoreRequestContextStorage
    public let remoteAddress: SocketAddress?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
    }

    /// The client's IP address as text, the key rate limits count by.
    var clientKey: String {
        remoteAddress?.ipAddress ?? "unknown"
    }
}
