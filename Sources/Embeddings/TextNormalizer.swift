import Foundation

/// BERT's text clean-up before splitting, as the model's `tokenizer.json` describes it (`BertNormalizer` with
/// `clean_text`, `handle_chinese_chars`, `lowercase` and accent stripping): control characters dropped, every kind of
/// white space made a plain space, CJK ideographs set apart, accents removed, lower case.
struct TextNormalizer: Sendable {
    func normalize(_ text: String) -> String {
        var cleaned = String.UnicodeScalarView()
        cleaned.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            if scalar.value == 0 || scalar.value == 0xFFFD || Self.isControl(scalar) { continue }
            if Self.isWhitespace(scalar) {
                cleaned.append(" ")
            } else if Self.isCJK(scalar) {
                cleaned.append(" ")
                cleaned.append(scalar)
                cleaned.append(" ")
            } else {
                cleaned.append(scalar)
            }
        }
        return Self.stripAccents(String(cleaned)).lowercased()
    }

    /// Canonical decomposition, then every non-spacing mark removed.
    private static func stripAccents(_ text: String) -> String {
        if text.unicodeScalars.allSatisfy(\.isASCII) { return text }
        var kept = String.UnicodeScalarView()
        for scalar in text.decomposedStringWithCanonicalMapping.unicodeScalars
        where scalar.properties.generalCategory != .nonspacingMark {
            kept.append(scalar)
        }
        return String(kept)
    }

    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
            case "\t", "\n", "\r", " ": return true
            default: return scalar.properties.isWhitespace
        }
    }

    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
            case "\t", "\n", "\r": return false
            default:
                switch scalar.properties.generalCategory {
                    case .control, .format, .unassigned, .privateUse, .surrogate: return true
                    default: return false
                }
        }
    }

    /// The CJK Unified Ideographs blocks BERT splits one character at a time.
    static func isCJK(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
            case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0x20000...0x2A6DF, 0x2A700...0x2B73F,
                0x2B740...0x2B81F, 0x2B820...0x2CEAF, 0xF900...0xFAFF, 0x2F800...0x2FA1F:
                return true
            default: return false
        }
    }

    /// ASCII punctuation (which includes symbols such as `$`, `+`, `<`, `^`, `|`) and every Unicode punctuation class.
    static func isPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if (33...47).contains(value) || (58...64).contains(value) || (91...96).contains(value) || (123...126).contains(value) {
            return true
        }
        switch scalar.properties.generalCategory {
            case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
                .initialPunctuation, .finalPunctuation, .otherPunctuation:
                return true
            default: return false
        }
    }
}
