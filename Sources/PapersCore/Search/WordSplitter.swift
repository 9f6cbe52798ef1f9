import Foundation

/// Splits text into the words a keyword index holds: runs of letters and digits, lower-cased and without accents
/// (as SQLite's `unicode61 remove_diacritics 2` tokenizer does), handed over as UTF-8 bytes.
///
/// ASCII text, nearly all of what papers hold, is split byte by byte; a run with other characters takes the slow
/// path through Foundation's folding.
public enum WordSplitter {
    public static func forEachWord(in text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        var text = text
        text.withUTF8 { bytes in
            var word: [UInt8] = []
            word.reserveCapacity(64)
            var isASCII = true
            for index in 0...bytes.count {
                let byte = index < bytes.count ? bytes[index] : 0x20
                if byte >= 0x80 {
                    word.append(byte)
                    isASCII = false
                } else if let folded = asciiWordByte(byte) {
                    word.append(folded)
                } else if !word.isEmpty {
                    if isASCII { word.withUnsafeBufferPointer(body) } else { splitFolded(word, body) }
                    word.removeAll(keepingCapacity: true)
                    isASCII = true
                }
            }
        }
    }

    /// Each hyphenated word of `text` as one word without its hyphens (`few-shot` → `fewshot`, `DeepSeek-R1` →
    /// `deepseekr1`): a run of letters and digits joined by single hyphens, with at least one hyphen.
    public static func forEachCompound(in text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        var text = text
        text.withUTF8 { bytes in
            var word: [UInt8] = []
            var parts = 0
            var pendingHyphen = false
            func finish() {
                if parts > 1 { word.withUnsafeBufferPointer(body) }
                word.removeAll(keepingCapacity: true)
                parts = 0
                pendingHyphen = false
            }
            for index in 0...bytes.count {
                let byte = index < bytes.count ? bytes[index] : 0x20
                if let folded = asciiWordByte(byte) {
                    if word.isEmpty || pendingHyphen { parts += 1 }
                    pendingHyphen = false
                    word.append(folded)
                } else if byte == UInt8(ascii: "-"), !word.isEmpty, !pendingHyphen {
                    pendingHyphen = true
                } else {
                    finish()
                }
            }
        }
    }

    /// The words of `text` as strings (for query terms and tests).
    public static func words(of text: String) -> [String] {
        var words: [String] = []
        forEachWord(in: text) { words.append(String(decoding: $0, as: UTF8.self)) }
        return words
    }

    /// A letter or digit, lower-cased; nil for anything else.
    @inline(__always)
    private static func asciiWordByte(_ byte: UInt8) -> UInt8? {
        switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): return byte
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): return byte + 32
            default: return nil
        }
    }

    /// A run holding non-ASCII characters: accents folded away, then split on whatever is not a letter or digit.
    private static func splitFolded(_ run: [UInt8], _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        let folded = String(decoding: run, as: UTF8.self).folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
        for word in TextCase.words(of: folded) {
            Array(word.utf8).withUnsafeBufferPointer(body)
        }
    }
}
