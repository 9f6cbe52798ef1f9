import Hummingbird
import PapersCore

/// Request limits per 5-minute window, as Hugging Face sets them: pages and API apart, anonymous visitors
/// (counted by address) apart from members (counted by account), and stricter limits on the actions spammers like.
///
/// Configured with `RATE_LIMITS` / `--rate-limits`, e.g. `pages=100/200,api=500/1000,login=10,signup=5,submit=20,vote=300,comment=30`.
/// Counters live in each server instance (a deployment with N instances allows up to N times the limit).
public struct RateLimits: Sendable {
    /// A limited action.
    public enum Bucket: String, Sendable, CaseIterable {
        case pages, api, login, signup, submit, vote, comment
    }

    /// (anonymous, signed-in) limits per window; actions that need an account use the second.
    public private(set) var limits: [Bucket: (anonymous: Int, member: Int)]
    public let windowSeconds: Int
    private let limiters: [Bucket: (anonymous: RateLimiter, member: RateLimiter)]

    public static let defaults: [Bucket: (anonymous: Int, member: Int)] = [
        .pages: (300, 600), .api: (500, 1000), .login: (10, 10), .signup: (5, 5), .submit: (20, 20), .vote: (300, 300), .comment: (30, 30),
    ]

    public init(_ limits: [Bucket: (anonymous: Int, member: Int)] = Self.defaults, windowSeconds: Int = 300) {
        var merged = Self.defaults
        for (bucket, limit) in limits { merged[bucket] = limit }
        self.limits = merged
        self.windowSeconds = windowSeconds
        self.limiters = merged.mapValues { limit in
            (RateLimiter(limit: limit.anonymous, windowSeconds: windowSeconds), RateLimiter(limit: limit.member, windowSeconds: windowSeconds))
        }
    }

    /// Parses `name=N` or `name=ANON/MEMBER` pairs, comma-separated; unknown names and bad numbers are errors.
    public init(parsing text: String, windowSeconds: Int = 300) throws {
        var limits: [Bucket: (anonymous: Int, member: Int)] = [:]
        for item in text.split(separator: ",") {
            let pair = item.split(separator: "=", maxSplits: 1).map { String($0).trimmingWhitespace() }
            guard pair.count == 2, let bucket = Bucket(rawValue: pair[0]) else {
                throw CommunityError.invalid("'\(item)' is not a rate limit: use NAME=N or NAME=ANON/MEMBER with NAME one of \(Bucket.allCases.map(\.rawValue).joined(separator: ", ")).")
            }
            let numbers = pair[1].split(separator: "/").compactMap { Int($0) }
            guard (1...2).contains(numbers.count), numbers.allSatisfy({ $0 > 0 }) else {
                throw CommunityError.invalid("The limit for \(bucket.rawValue) must be a positive number, or two as ANON/MEMBER.")
            }
            limits[bucket] = (numbers[0], numbers.last ?? numbers[0])
        }
        self.init(limits, windowSeconds: windowSeconds)
    }

    /// Counts one request in `bucket`; throws 429 with `RateLimit` headers when the window is used up.
    func check(_ bucket: Bucket, _ context: AppRequestContext, now: Timestamp) throws {
        guard let pair = limiters[bucket] else { return }
        try (context.user == nil ? pair.anonymous : pair.member).check(context.limitKey, nowSeconds: now.millisecondsSinceEpoch / 1000)
    }
}
