import Hummingbird
import PapersCore

/// Request limits per 5-minute window, as Hugging Face sets them: pages and API apart, anonymous visitors
/// (counted by address) apart from members (counted by account), and stricter limits on the actions spammers like.
///
/// Log-in, sign-up and password reset are the attacker's actions: they are counted by client address whoever is
/// signed in (a fresh session must not reset the count) and by the account they aim at, so the two numbers of
/// those limits are (per address, per target account).
///
/// Configured with `RATE_LIMITS` / `--rate-limits`, e.g. `pages=100/200,api=500/1000,login=10,signup=5,submit=20,vote=300,comment=30`.
/// Counters live in each server instance (a deployment with N instances allows up to N times the limit).
public struct RateLimits: Sendable {
    /// A limited action.
    public enum Bucket: String, Sendable, CaseIterable {
        case pages, api, login, signup, reset, submit, vote, comment
    }

    /// (anonymous, signed-in) limits per window; actions that need an account use the second.
    public private(set) var limits: [Bucket: (anonymous: Int, member: Int)]
    public let windowSeconds: Int
    private let limiters: [Bucket: (anonymous: RateLimiter, member: RateLimiter)]

    /// `limits` must name every bucket (the settings list's `RATE_LIMITS` default does).
    init(_ limits: [Bucket: (anonymous: Int, member: Int)], windowSeconds: Int) throws(CommunityError) {
        let missing = Bucket.allCases.filter { limits[$0] == nil }.map(\.rawValue)
        guard missing.isEmpty else { throw CommunityError.invalid("No rate limit is given for \(missing.joined(separator: ", ")).") }
        self.limits = limits
        self.windowSeconds = windowSeconds
        self.limiters = limits.mapValues { limit in
            (RateLimiter(limit: limit.anonymous, windowSeconds: windowSeconds), RateLimiter(limit: limit.member, windowSeconds: windowSeconds))
        }
    }

    /// Parses `name=N` or `name=ANON/MEMBER` pairs, comma-separated, over the limits of `base` (the buckets it does
    /// not name keep those); unknown names, bad numbers and a bucket left without a limit are errors.
    public init(parsing text: String, over base: RateLimits? = nil, windowSeconds: Int = 300) throws {
        var limits = base?.limits ?? [:]
        for item in text.split(separator: ",") {
            let pair = item.split(separator: "=", maxSplits: 1).map { String($0).trimmingWhitespace() }
            guard pair.count == 2, let bucket = Bucket(rawValue: pair[0]) else {
                throw CommunityError.invalid(
                    "'\(item)' is not a rate limit: use NAME=N or NAME=ANON/MEMBER with NAME one of \(Bucket.allCases.map(\.rawValue).joined(separator: ", "))."
                )
            }
            let numbers = pair[1].split(separator: "/").compactMap { Int($0) }
            guard (1...2).contains(numbers.count), numbers.allSatisfy({ $0 > 0 }) else {
                throw CommunityError.invalid("The limit for \(bucket.rawValue) must be a positive number, or two as ANON/MEMBER.")
            }
            limits[bucket] = (numbers[0], numbers.last ?? numbers[0])
        }
        try self.init(limits, windowSeconds: windowSeconds)
    }

    /// Counts one request in `bucket` and returns what is left; throws 429 with `RateLimit` headers when the window
    /// is used up.
    @discardableResult
    func check(_ bucket: Bucket, _ context: AppRequestContext, now: Timestamp) throws -> RateLimitState? {
        try check(bucket, key: context.limitKey, member: context.user != nil, now: now)
    }

    /// Counts one request by `key` (`user:ID` or `ip:ADDRESS`) in `bucket`, with the member or the visitor limit.
    func check(_ bucket: Bucket, key: String, member: Bool, now: Timestamp) throws -> RateLimitState? {
        guard let pair = limiters[bucket] else { return nil }
        return try (member ? pair.member : pair.anonymous).check(key, nowSeconds: now.millisecondsSinceEpoch / 1000)
    }

    /// Counts an account action (log-in, sign-up, reset) by the client's address, signed in or not, and by the
    /// account it targets (a username or address, in any letter case) — from this client only with `perClient`.
    func checkAccountAction(_ bucket: Bucket, _ context: AppRequestContext, target: String, perClient: Bool = false, now: Timestamp) throws {
        guard let pair = limiters[bucket] else { return }
        var (address, account) = Self.accountKeys(context, target: target)
        if perClient { account = account.map { $0 + "|" + address } }
        let seconds = now.millisecondsSinceEpoch / 1000
        try pair.anonymous.check(address, nowSeconds: seconds)
        if let account { try pair.member.check(account, nowSeconds: seconds) }
    }

    /// Takes back what `checkAccountAction` counted, for an attempt refused as mistyped before anything was tried.
    func refundAccountAction(_ bucket: Bucket, _ context: AppRequestContext, target: String, now: Timestamp) {
        guard let pair = limiters[bucket] else { return }
        let (address, account) = Self.accountKeys(context, target: target)
        let seconds = now.millisecondsSinceEpoch / 1000
        pair.anonymous.refund(address, nowSeconds: seconds)
        if let account { pair.member.refund(account, nowSeconds: seconds) }
    }

    /// An account action counts by the client's address and by the account it names (none when it names none).
    private static func accountKeys(_ context: AppRequestContext, target: String) -> (address: String, account: String?) {
        let key = target.trimmingWhitespace().lowercased()
        return (ClientAddress.limitKey(context.clientKey), key.isEmpty ? nil : "target:" + key)
    }
}
