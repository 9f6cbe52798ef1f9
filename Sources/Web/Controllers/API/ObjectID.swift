import PapersCore

/// Stable 24-hex-digit ids in the style of Hugging Face's object ids, derived from a name.
enum ObjectID {
    static func make(_ name: String) -> String {
        var first: UInt64 = 0xcbf2_9ce4_8422_2325
        var second: UInt64 = 0x8422_2325_cbf2_9ce4
        for byte in name.utf8 {
            first = (first ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
            second = (second ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 &+ 7
        }
        let hex = String(first, radix: 16) + String(second, radix: 16)
        return String((String(repeating: "0", count: 32) + hex).suffix(24))
    }
}
