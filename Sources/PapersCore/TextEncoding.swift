/// Escaping and decoding shared by the web pages, the feeds and the mail: one implementation of each.
public enum TextEncoding {
    /// Escapes text for HTML or XML element content and double-quoted attribute values, and drops the characters
    /// XML 1.0 forbids (C0 controls but tab and line breaks, DEL, U+FFFE, U+FFFF): one member's name with `\u{1}`
    /// must not make the site's feeds invalid for everyone.
    /// Works on UTF-8 bytes (every byte it changes is ASCII, or the three of U+FFFE/U+FFFF), and text with nothing
    /// to change, most of a page, is returned as it is: every card's title, names and abstract pass through here.
    public static func escapeHTML(_ text: String) -> String {
        let utf8 = text.utf8
        guard utf8.contains(where: mayNeedEscaping) else { return text }
        let bytes = Array(utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + 32)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            switch byte {
                case 0x00...0x08, 0x0B, 0x0C, 0x0E...0x1F, 0x7F: continue
                case UInt8(ascii: "&"): output += "&amp;".utf8
                case UInt8(ascii: "<"): output += "&lt;".utf8
                case UInt8(ascii: ">"): output += "&gt;".utf8
                case UInt8(ascii: "\""): output += "&quot;".utf8
                case UInt8(ascii: "'"): output += "&#39;".utf8
                // U+FFFE and U+FFFF: EF BF BE and EF BF BF (a continuation byte is at most BF).
                case 0xEF where index + 1 < bytes.count && bytes[index] == 0xBF && bytes[index + 1] >= 0xBE: index += 2
                default: output.append(byte)
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    private static func mayNeedEscaping(_ byte: UInt8) -> Bool {
        switch byte {
            case 0x00...0x08, 0x0B, 0x0C, 0x0E...0x1F, 0x7F, 0xEF: true
            case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "'"): true
            default: false
        }
    }

    /// Percent-encodes every byte but ASCII letters, digits, `-._~` and the characters in `allowed`.
    public static func percentEncode(_ text: String, allowing allowed: String = "") -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        var output: [UInt8] = []
        for byte in text.utf8 {
            let isUnreserved =
                (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || "-._~".utf8.contains(byte) || allowed.utf8.contains(byte)
            if isUnreserved {
                output.append(byte)
            } else {
                output += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Decodes `%XX` escapes (and, for form bodies, `+` as a space) strictly: nil when a `%` is not followed by two
    /// hex digits or the bytes are not UTF-8, never a guess (`%zz`, `%-0` and `%+4` are errors, not text).
    public static func percentDecode(_ text: String, plusAsSpace: Bool = false) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var iterator = text.utf8.makeIterator()
        while let byte = iterator.next() {
            if byte == UInt8(ascii: "%") {
                guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else { return nil }
                bytes.append(high << 4 | low)
            } else {
                bytes.append(plusAsSpace && byte == UInt8(ascii: "+") ? UInt8(ascii: " ") : byte)
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
            default: return nil
        }
    }

    /// Whether `text` holds a character no form field, comment, name or password may hold: NUL (C libraries,
    /// bcrypt among them, stop reading there) or another C0 control but tab, line feed and carriage return.
    public static func hasForbiddenControl(_ text: String) -> Bool {
        text.utf8.contains { $0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }
    }

    /// Whether `text` is an absolute http(s) URL with a host: the only kind of link any page, feed or mail renders
    /// from data (no `javascript:`, `data:` or scheme-relative `//host` links).
    public static func isWebURL(_ text: String) -> Bool {
        let lower = text.prefix(8).lowercased()
        let rest: Substring
        if lower.hasPrefix("https://") {
            rest = text.dropFirst(8)
        } else if lower.hasPrefix("http://") {
            rest = text.dropFirst(7)
        } else {
            return false
        }
        guard let first = rest.first, first != "/", first != "\\" else { return false }
        return !text.unicodeScalars.contains { $0.value < 0x21 || $0.value == 0x7F || $0 == "\\" }
    }
}
