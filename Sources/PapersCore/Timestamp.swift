/// An instant in UTC with millisecond precision, written as ISO 8601 (`2024-05-24T17:34:15.000Z`).
public struct Timestamp: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public let millisecondsSinceEpoch: Int64

    public init(millisecondsSinceEpoch: Int64) {
        self.millisecondsSinceEpoch = millisecondsSinceEpoch
    }

    /// Midnight UTC at the start of `day`.
    public init(day: Day, hour: Int = 0, minute: Int = 0, second: Int = 0, millisecond: Int = 0) {
        let seconds = Int64(day.daysSinceEpoch) * 86_400 + Int64(hour * 3600 + minute * 60 + second)
        self.millisecondsSinceEpoch = seconds * 1000 + Int64(millisecond)
    }

    /// Parses ISO 8601 as the sources write it: `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM[:SS[.fff]]` with `Z` or `±HH:MM`.
    public init?(iso text: some StringProtocol) {
        guard let parsed = ISOTimestampParser.parse(Array(text.utf8)) else { return nil }
        self = parsed
    }

    /// The UTC day this instant falls on.
    public var day: Day {
        let seconds = millisecondsSinceEpoch >= 0 ? millisecondsSinceEpoch / 1000 : (millisecondsSinceEpoch - 999) / 1000
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        return Day(daysSinceEpoch: Int(days))
    }

    /// Seconds since 1970-01-01T00:00:00Z.
    public var secondsSinceEpoch: Double { Double(millisecondsSinceEpoch) / 1000 }

    /// `2024-05-24T17:34:15.000Z`.
    public var description: String {
        let dayStart = Int64(day.daysSinceEpoch) * 86_400_000
        let msOfDay = Int(millisecondsSinceEpoch - dayStart)
        let hour = msOfDay / 3_600_000
        let minute = msOfDay / 60_000 % 60
        let second = msOfDay / 1000 % 60
        let milli = msOfDay % 1000
        return "\(day)T\(Day.pad(hour, 2)):\(Day.pad(minute, 2)):\(Day.pad(second, 2)).\(Day.pad(milli, 3))Z"
    }

    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool {
        lhs.millisecondsSinceEpoch < rhs.millisecondsSinceEpoch
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let value = Timestamp(iso: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not an ISO 8601 time: \(text)"))
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

/// Parses the ISO 8601 forms our sources use, byte by byte.
enum ISOTimestampParser {
    static func parse(_ bytes: [UInt8]) -> Timestamp? {
        guard bytes.count >= 10, let day = Day(iso: String(decoding: bytes[0..<10], as: UTF8.self)) else { return nil }
        if bytes.count == 10 { return Timestamp(day: day) }
        guard bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: " "), bytes.count >= 16,
            bytes[13] == UInt8(ascii: ":"),
            let hour = Day.number(bytes[11..<13]), let minute = Day.number(bytes[14..<16]),
            hour < 24, minute < 60
        else { return nil }
        var index = 16
        var second = 0
        var milli = 0
        if index < bytes.count, bytes[index] == UInt8(ascii: ":") {
            guard index + 3 <= bytes.count, let s = Day.number(bytes[(index + 1)..<(index + 3)]), s < 61 else { return nil }
            second = min(s, 59)
            index += 3
            if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
                index += 1
                var digits = 0
                while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") {
                    if digits < 3 { milli = milli * 10 + Int(bytes[index] - UInt8(ascii: "0")) }
                    digits += 1
                    index += 1
                }
                guard digits > 0 else { return nil }
                if digits < 3 { for _ in digits..<3 { milli *= 10 } }
            }
        }
        guard let offsetMinutes = parseOffset(bytes[index...]) else { return nil }
        let local = Timestamp(day: day, hour: hour, minute: minute, second: second, millisecond: milli)
        return Timestamp(millisecondsSinceEpoch: local.millisecondsSinceEpoch - Int64(offsetMinutes) * 60_000)
    }

    private static func parseOffset(_ rest: ArraySlice<UInt8>) -> Int? {
        if rest.isEmpty || Array(rest) == [UInt8(ascii: "Z")] { return 0 }
        let chars = Array(rest)
        guard chars.count == 6 || chars.count == 5, chars[0] == UInt8(ascii: "+") || chars[0] == UInt8(ascii: "-") else { return nil }
        let digits = chars.dropFirst().filter { $0 != UInt8(ascii: ":") }
        guard digits.count == 4, let h = Day.number(digits[digits.startIndex..<(digits.startIndex + 2)]),
            let m = Day.number(digits[(digits.startIndex + 2)...])
        else { return nil }
        let minutes = h * 60 + m
        return chars[0] == UInt8(ascii: "-") ? -minutes : minutes
    }
}
