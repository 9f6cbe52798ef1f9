import Foundation

/// A name for this server process that no other instance shares: host, process id and a random suffix.
public enum InstanceName {
    public static let current: String = {
        let suffix = String(UInt32.random(in: 0...UInt32.max), radix: 36)
        return "\(ProcessInfo.processInfo.hostName)-\(ProcessInfo.processInfo.processIdentifier)-\(suffix)"
    }()
}
